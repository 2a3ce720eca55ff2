// Drop-in <httpserv.h> for building unmodified IIS module sources off Windows: put this folder on
// the include path (CMake: link iisfake::dropin). Never used for a Windows target, where the
// real SDK header must win.
#ifndef IISFAKE_DROPIN_HTTPSERV_H_INCLUDED
#define IISFAKE_DROPIN_HTTPSERV_H_INCLUDED

// Module sources need the declarations, not the fakes: the parts when they are on the include
// path, else the umbrella (a build or install with the single header only).
#if defined(__has_include)
#if __has_include(<iisfake/sdk/httpserv.hpp>)
#include <iisfake/sdk/httpserv.hpp>
#define IISFAKE_DROPIN_PARTS
#endif
#endif
#if !defined(IISFAKE_DROPIN_PARTS)
#include <iisfake/iisfake.hpp>
#endif
#undef IISFAKE_DROPIN_PARTS

#endif
