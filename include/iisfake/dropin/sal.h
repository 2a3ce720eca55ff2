// Drop-in <sal.h> for building unmodified IIS module sources off Windows: put this folder on the
// include path (CMake: link iisfake::dropin). Never used for a Windows target, where the real
// SDK header must win.
#ifndef IISFAKE_DROPIN_SAL_H_INCLUDED
#define IISFAKE_DROPIN_SAL_H_INCLUDED

// Module sources need the declarations only, not the fakes: the parts beside this folder when
// they are there (include/), else the umbrella (an install of the single header only).
#if defined(__has_include)
#if __has_include("../sdk/httpserv.hpp")
#include "../sdk/httpserv.hpp"
#define IISFAKE_DROPIN_PARTS
#endif
#endif
#if !defined(IISFAKE_DROPIN_PARTS)
#include <iisfake/iisfake.hpp>
#endif
#undef IISFAKE_DROPIN_PARTS

#endif
