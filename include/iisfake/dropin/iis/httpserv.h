// Drop-in <httpserv.h> for building unmodified IIS module sources without the Windows SDK (Linux,
// mingw-w64, which lacks the IIS headers): put this folder on the include path (CMake: link
// iisfake::dropin). Never with MSVC, whose Windows SDK has its own.
// httpserv.h's declarations, with <ahadmin.h> (as the SDK's pulls it in) and the other IIS SDK
// headers.
#ifndef IISFAKE_DROPIN_HTTPSERV_H_INCLUDED
#define IISFAKE_DROPIN_HTTPSERV_H_INCLUDED

// The declarations, not the fakes: the part, or with the single header alone the umbrella.
#if __has_include(<iisfake/sdk/httpserv.hpp>)
#include <iisfake/sdk/httpserv.hpp>
#else
#include <iisfake/iisfake.hpp>
#endif

#endif
