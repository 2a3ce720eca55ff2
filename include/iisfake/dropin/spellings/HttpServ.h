// <HttpServ.h>, as some module sources spell it: the same as <httpserv.h> (iisfake's drop-in in
// ../iis). On a case-insensitive file system that folder's httpserv.h answers first.
// CMake: iisfake::dropin puts this folder on the include path.
#ifndef IISFAKE_DROPIN_SPELLING_HTTPSERV_H_INCLUDED
#define IISFAKE_DROPIN_SPELLING_HTTPSERV_H_INCLUDED

#include <httpserv.h>

#endif
