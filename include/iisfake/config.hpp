#ifndef IISFAKE_CONFIG_HPP_INCLUDED
#define IISFAKE_CONFIG_HPP_INCLUDED

#include "iisfake/version.hpp"

// The inline namespace keeps two copies of different iisfake versions in one binary apart.
#define IISFAKE_BEGIN_NAMESPACE \
    namespace iisfake {         \
    inline namespace v0 {
#define IISFAKE_END_NAMESPACE \
    }                         \
    }

// __declspec(uuid) exists only for MSVC and clang-cl; elsewhere iisfake::uuid_of<T>() serves.
#if defined(_MSC_VER)
#define IISFAKE_UUID(text) __declspec(uuid(text))
#else
#define IISFAKE_UUID(text)
#endif

// Where the Windows SDK's own <httpserv.h> exists (MSVC with the SDK), its declarations win.
// An <httpserv.h> next to iisfake's drop-in marker is the drop-in, not the SDK's.
// IISFAKE_CONFIG_USE_SDK_HTTPSERV=0/1 overrides the detection.
#if defined(IISFAKE_CONFIG_USE_SDK_HTTPSERV)
#if IISFAKE_CONFIG_USE_SDK_HTTPSERV
#define IISFAKE_HAS_SDK_HTTPSERV 1
#endif
#elif defined(_HTTPSERV_H_)
#define IISFAKE_HAS_SDK_HTTPSERV 1
#elif defined(_WIN32) && defined(__has_include)
#if __has_include(<httpserv.h>) && !__has_include(<iisfake_dropin.h>)
#define IISFAKE_HAS_SDK_HTTPSERV 1
#endif
#endif

// Compile the fakes' implementation once for a whole suite (the doctest/Catch2 v2 convention):
// define IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION for every file of the test binary, and
// IISFAKE_CONFIG_IMPLEMENT in exactly one file before including <iisfake/iisfake.hpp>. The other
// files then see the fakes' classes and extern template declarations only: constructing and
// driving a FakeHttpContext costs them little more than including the declarations.

#endif
