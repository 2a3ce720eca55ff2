#ifndef IISFAKE_SDK_UUID_HPP_INCLUDED
#define IISFAKE_SDK_UUID_HPP_INCLUDED

// iisfake::uuid_of<T>(): the SDK's interface GUIDs where __uuidof is unavailable (g++, clang
// without -fms-extensions). With MSVC or clang-cl, __uuidof(T) gives the same values.

#include "iisfake/win_types.hpp"

class IHttpRequest;
class IHttpRequest2;
class IHttpRequest3;
class IHttpRequest4;
class IHttpCompletionInfo;
class IHttpCompletionInfo2;

IISFAKE_BEGIN_NAMESPACE

template <class Interface>
struct interface_id;  // specialised for each re-declared interface

#define IISFAKE_DETAIL_INTERFACE_ID(type, d1, d2, d3, b0, b1, b2, b3, b4, b5, b6, b7) \
    template <>                                                                    \
    struct interface_id<type> {                                                    \
        static constexpr GUID value = {d1, d2, d3, {b0, b1, b2, b3, b4, b5, b6, b7}}; \
    }

IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest, 0xe8698f7e, 0x576e, 0x4cac, 0xa3, 0x09, 0x67, 0x43, 0x53,
                            0x55, 0xfa, 0xef);
IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest2, 0xd9244ae1, 0x51f8, 0x4aa1, 0xa6, 0x6d, 0x19, 0x27, 0x7c,
                            0x33, 0xe6, 0x10);
IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest3, 0xb32e4e0f, 0x4057, 0x4feb, 0xae, 0xab, 0x7b, 0x69, 0xc0,
                            0x3c, 0x63, 0x14);
IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest4, 0x3816f517, 0xf631, 0x49f0, 0x8b, 0x51, 0x16, 0xd6, 0xf0,
                            0xc6, 0xff, 0xb2);
IISFAKE_DETAIL_INTERFACE_ID(IHttpCompletionInfo, 0x49dd20e3, 0xd9c0, 0x463c, 0x88, 0x21, 0xf3, 0x41,
                            0x3b, 0x55, 0xcc, 0x00);
IISFAKE_DETAIL_INTERFACE_ID(IHttpCompletionInfo2, 0x53129f70, 0x0196, 0x47ec, 0xb1, 0x6c, 0x12,
                            0x79, 0x06, 0xe2, 0xaf, 0xeb);

#undef IISFAKE_DETAIL_INTERFACE_ID

template <class Interface>
constexpr const GUID& uuid_of() noexcept {
    return interface_id<Interface>::value;
}

IISFAKE_END_NAMESPACE

#endif
