// Drop-in <httptrace.h> for building unmodified IIS module sources without the Windows SDK (Linux,
// mingw-w64, which lacks the IIS headers): put this folder on the include path (CMake: link
// iisfake::dropin). Never with MSVC, whose Windows SDK has its own.
// The trace event structures and the IIS trace providers' GUIDs.
#ifndef IISFAKE_DROPIN_HTTPTRACE_H_INCLUDED
#define IISFAKE_DROPIN_HTTPTRACE_H_INCLUDED

// The declarations, not the fakes: the part, or with the single header alone the umbrella.
#if __has_include(<iisfake/sdk/httptrace.hpp>)
#include <iisfake/sdk/httptrace.hpp>
#else
#include <iisfake/iisfake.hpp>
#endif

#endif
