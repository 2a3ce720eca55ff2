// Drop-in <httpserv.h> for building unmodified IIS module sources off Windows: put this folder on the
// include path (CMake: link iisfake::dropin). Never used for a Windows target, where the real
// SDK header must win.
#ifndef IISFAKE_DROPIN_HTTPSERV_H_INCLUDED
#define IISFAKE_DROPIN_HTTPSERV_H_INCLUDED

#include <iisfake/iisfake.hpp>

#endif
