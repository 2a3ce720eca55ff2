// <Objbase.h>, as module sources written on case-insensitive Windows file systems spell it: the
// same as <objbase.h>. Off Windows that is iisfake's drop-in; with mingw-w64 it is mingw-w64's own,
// reached with #include_next, because on a case-insensitive file system <objbase.h> would find this
// file again. CMake: iisfake::dropin puts this folder on the include path.
#ifndef IISFAKE_DROPIN_SPELLING_OBJBASE_H_INCLUDED
#define IISFAKE_DROPIN_SPELLING_OBJBASE_H_INCLUDED

#if defined(_WIN32) && defined(__GNUC__)
#pragma GCC system_header  // #include_next is a GCC extension; -Wpedantic would say so
#include_next <objbase.h>
#else
#include <objbase.h>
#endif

#endif
