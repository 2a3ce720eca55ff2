#ifndef IISFAKE_WIN32_HPP_INCLUDED
#define IISFAKE_WIN32_HPP_INCLUDED

// The Win32 and C runtime surface module sources use, implemented off Windows over the C++
// standard library and POSIX, and what of it a test observes. Opt-in: <iisfake/iisfake.hpp>
// brings none of it. Module sources reach it through the drop-in headers (<windows.h>,
// <tchar.h>, <strsafe.h>, <io.h>, <initguid.h>, <comdef.h>, <winsock2.h>, <atlstr.h>...); a
// test includes this header to read and reset what modules did:
//
//     iisfake::win32::reset();                 // fresh event log, environment, clock...
//     host.serve(iisfake::RequestBuilder().url("/"));
//     auto events = iisfake::win32::event_log();
//
// State is per process, as on Windows; tests that run modules on threads read it after the
// requests end. On Windows this header declares nothing: the real functions are used.

#include "iisfake/win32/windows.hpp"

#if !defined(_WIN32)
#include "iisfake/win32/tchar.hpp"
#include "iisfake/win32/strsafe.hpp"
#include "iisfake/win32/io.hpp"
#include "iisfake/win32/comdef.hpp"
#include "iisfake/win32/atl_cstring.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace win32 {

// Back to a fresh process: empty event log and no open sources, the default environment, the
// clock following real time again, no invalid parameters recorded and no handler, the default
// module and computer names, no COM classes registered, winsock not started. OutputDebugString
// text is iisfake::clear_debug_log()'s.
inline void reset() {
    reset_event_log();
    reset_environment();
    clock().reset();
    reset_invalid_parameters();
    reset_process();
    reset_com();
    reset_winsock();
}

}  // namespace win32
IISFAKE_END_NAMESPACE

#endif  // !_WIN32

#endif
