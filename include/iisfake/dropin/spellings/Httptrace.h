// <Httptrace.h>, as some module sources spell it: the same as <httptrace.h> (iisfake's drop-in in
// ../iis). On a case-insensitive file system that folder's httptrace.h answers first.
// CMake: iisfake::dropin puts this folder on the include path.
#ifndef IISFAKE_DROPIN_SPELLING_HTTPTRACE_H_INCLUDED
#define IISFAKE_DROPIN_SPELLING_HTTPTRACE_H_INCLUDED

#include <httptrace.h>

#endif
