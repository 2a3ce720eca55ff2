// Drop-in <ahadmin.h> for building unmodified IIS module sources without the Windows SDK (Linux,
// mingw-w64, which lacks the IIS headers): put this folder on the include path (CMake: link
// iisfake::dropin). Never with MSVC, whose Windows SDK has its own.
// The application-host configuration interfaces and the COM base they stand on (IUnknown, BSTR,
// VARIANT).
#ifndef IISFAKE_DROPIN_AHADMIN_H_INCLUDED
#define IISFAKE_DROPIN_AHADMIN_H_INCLUDED

// The declarations, not the fakes: the part, or with the single header alone the umbrella.
#if __has_include(<iisfake/sdk/ahadmin.hpp>)
#include <iisfake/sdk/ahadmin.hpp>
#else
#include <iisfake/iisfake.hpp>
#endif

#endif
