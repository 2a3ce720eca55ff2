// Drop-in <http.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// The HTTP Server API types httpserv.h uses.
#ifndef IISFAKE_DROPIN_HTTP_H_INCLUDED
#define IISFAKE_DROPIN_HTTP_H_INCLUDED

// The declarations, not the fakes: the part, or with the single header alone the umbrella.
#if __has_include(<iisfake/http_types.hpp>)
#include <iisfake/http_types.hpp>
#else
#include <iisfake/iisfake.hpp>
#endif

#endif
