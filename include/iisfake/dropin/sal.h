// Drop-in <sal.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// The SAL annotations, empty.
#ifndef IISFAKE_DROPIN_SAL_H_INCLUDED
#define IISFAKE_DROPIN_SAL_H_INCLUDED

// The declarations, not the fakes: the part, or with the single header alone the umbrella.
#if __has_include(<iisfake/win_types.hpp>)
#include <iisfake/win_types.hpp>
#else
#include <iisfake/iisfake.hpp>
#endif

#endif
