#ifndef IISFAKE_WIN32_PROCESS_HPP_INCLUDED
#define IISFAKE_WIN32_PROCESS_HPP_INCLUDED

// The process and thread basics module code calls off Windows (T-19): the thread's last error,
// process and thread ids, pseudo handles, DllMain's constants, module handles and file names, the
// computer name, the process heap and LocalAlloc, GetSystemInfo. Nothing reads or changes the
// real system: the module's file name and the computer name are test knobs in iisfake::win32
// (set_module_file_name, set_computer_name; reset_process restores the defaults).

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include "iisfake/win32/utf8.hpp"

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <cwchar>

#include <unistd.h>

#ifndef MAX_PATH
#define MAX_PATH 260
#endif
#ifndef ERROR_BUFFER_OVERFLOW
#define ERROR_BUFFER_OVERFLOW 111
#endif
#ifndef ERROR_MOD_NOT_FOUND
#define ERROR_MOD_NOT_FOUND 126
#endif
#ifndef ERROR_INVALID_ADDRESS
#define ERROR_INVALID_ADDRESS 487
#endif

#define DLL_PROCESS_DETACH 0
#define DLL_PROCESS_ATTACH 1
#define DLL_THREAD_ATTACH 2
#define DLL_THREAD_DETACH 3

#define HEAP_NO_SERIALIZE 0x00000001
#define HEAP_GENERATE_EXCEPTIONS 0x00000004
#define HEAP_ZERO_MEMORY 0x00000008
#define HEAP_REALLOC_IN_PLACE_ONLY 0x00000010

#define LMEM_FIXED 0x0000
#define LMEM_MOVEABLE 0x0002
#define LMEM_ZEROINIT 0x0040
#define LPTR (LMEM_FIXED | LMEM_ZEROINIT)
#define LHND (LMEM_MOVEABLE | LMEM_ZEROINIT)

#define GET_MODULE_HANDLE_EX_FLAG_PIN 0x00000001
#define GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT 0x00000002
#define GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS 0x00000004

#define PROCESSOR_ARCHITECTURE_INTEL 0
#define PROCESSOR_ARCHITECTURE_ARM 5
#define PROCESSOR_ARCHITECTURE_AMD64 9
#define PROCESSOR_ARCHITECTURE_ARM64 12
#define PROCESSOR_AMD_X8664 8664

// The handle types, as the SDK declares them (STRICT): distinct pointer types.
#ifndef IISFAKE_WIN32_HAS_HMODULE
#define IISFAKE_WIN32_HAS_HMODULE 1
struct HINSTANCE__ {
    int unused;
};
typedef HINSTANCE__* HINSTANCE;
typedef HINSTANCE HMODULE;
#endif
typedef HANDLE HLOCAL;
typedef HANDLE HGLOBAL;

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wnested-anon-types"
#endif
typedef struct _SYSTEM_INFO {
    union {
        DWORD dwOemId;
        __extension__ struct {
            WORD wProcessorArchitecture;
            WORD wReserved;
        };
    };
    DWORD dwPageSize;
    LPVOID lpMinimumApplicationAddress;
    LPVOID lpMaximumApplicationAddress;
    DWORD_PTR dwActiveProcessorMask;
    DWORD dwNumberOfProcessors;
    DWORD dwProcessorType;
    DWORD dwAllocationGranularity;
    WORD wProcessorLevel;
    WORD wProcessorRevision;
} SYSTEM_INFO, *LPSYSTEM_INFO;
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

inline DWORD& last_error_slot() noexcept {
    static thread_local DWORD value = 0;
    return value;
}

// Thread ids are small, non-zero multiples of 4 as on Windows, handed out on first use;
// CreateThread reserves one for the thread it starts (assign_thread_id).
inline std::atomic<DWORD>& next_thread_id() noexcept {
    static std::atomic<DWORD> next(4);
    return next;
}
inline DWORD reserve_thread_id() noexcept { return next_thread_id().fetch_add(4); }
inline DWORD& thread_id_slot() noexcept {
    static thread_local DWORD id = 0;
    return id;
}
inline void assign_thread_id(DWORD id) noexcept { thread_id_slot() = id; }

struct ProcessState {
    std::mutex mutex;
    std::wstring module_file_name;
    std::wstring process_file_name;
    std::wstring computer_name;
    std::unordered_map<void*, std::size_t> heap_blocks;  // live HeapAlloc/LocalAlloc blocks
    ProcessState() { reset(); }
    void reset() {
        module_file_name = L"C:\\Windows\\System32\\inetsrv\\module.dll";
        process_file_name = L"C:\\Windows\\System32\\inetsrv\\w3wp.exe";
        computer_name = L"IISFAKE";
    }
};

inline ProcessState& process_state() {
    static ProcessState state;
    return state;
}

// Distinct addresses stand for the module (the DLL under test) and the process (w3wp.exe).
inline HMODULE module_handle_value() noexcept {
    static HINSTANCE__ module = {0};
    return &module;
}
inline HMODULE process_module_value() noexcept {
    static HINSTANCE__ process = {0};
    return &process;
}

inline std::wstring lower_ascii(const std::wstring& text) {
    std::wstring out(text);
    for (auto& c : out)
        if (c >= L'A' && c <= L'Z') c = static_cast<wchar_t>(c - L'A' + L'a');
    return out;
}

inline std::wstring base_name(const std::wstring& path) {
    const std::size_t slash = path.find_last_of(L"\\/");
    return slash == std::wstring::npos ? path : path.substr(slash + 1);
}

// GetModuleHandle's name lookup: the full path or the file name, case-insensitive; a name
// without an extension means ".dll".
inline HMODULE find_module(const std::wstring& name) {
    std::wstring wanted = lower_ascii(name);
    if (base_name(wanted).find(L'.') == std::wstring::npos) wanted += L".dll";
    ProcessState& state = process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    const std::wstring module = lower_ascii(state.module_file_name);
    const std::wstring process = lower_ascii(state.process_file_name);
    if (wanted == module || wanted == base_name(module)) return module_handle_value();
    if (wanted == process || wanted == base_name(process)) return process_module_value();
    return nullptr;
}

inline bool module_file_name(HMODULE module, std::wstring& out) {
    ProcessState& state = process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    if (module == nullptr || module == process_module_value()) {
        out = state.process_file_name;
        return true;
    }
    if (module == module_handle_value()) {
        out = state.module_file_name;
        return true;
    }
    return false;
}

// UTF-8 <-> WCHAR for the narrow API (whose code page is taken to be UTF-8), through the one
// codec of win32/utf8.hpp: invalid input becomes U+FFFD.
inline std::wstring utf8_to_wide(const char* text, std::size_t length) {
    return u8_to_wide(text, length);
}
inline std::string wide_to_utf8(const wchar_t* text, std::size_t length) {
    return u8_from_wide(text, length);
}

inline std::wstring widen_utf8(const char* text) {
    return text ? utf8_to_wide(text, std::strlen(text)) : std::wstring();
}
inline std::wstring widen_utf8(const std::string& text) {
    return utf8_to_wide(text.data(), text.size());
}
inline std::string narrow_utf8(const wchar_t* text) {
    return text ? wide_to_utf8(text, std::wcslen(text)) : std::string();
}
inline std::string narrow_utf8(const std::wstring& text) {
    return wide_to_utf8(text.data(), text.size());
}

// Copies text plus a NUL when it fits in `size` characters.
template <class Char>
inline void copy_with_nul(const std::basic_string<Char>& text, Char* out) {
    for (std::size_t i = 0; i < text.size(); ++i) out[i] = text[i];
    out[text.size()] = Char();
}

template <class Char>
inline DWORD get_module_file_name(HMODULE module, Char* buffer, DWORD size,
                                  const std::basic_string<Char>& path) {
    if (size == 0 || buffer == nullptr) {
        last_error_slot() = ERROR_INSUFFICIENT_BUFFER;
        return 0;
    }
    static_cast<void>(module);
    if (path.size() < size) {
        copy_with_nul(path, buffer);
        return static_cast<DWORD>(path.size());
    }
    // Too small: as since Windows Vista, nSize characters including a NUL, return nSize.
    for (DWORD i = 0; i + 1 < size; ++i) buffer[i] = path[i];
    buffer[size - 1] = Char();
    last_error_slot() = ERROR_INSUFFICIENT_BUFFER;
    return size;
}

template <class Char>
inline BOOL get_computer_name(Char* buffer, LPDWORD size, const std::basic_string<Char>& name) {
    if (size == nullptr) {
        last_error_slot() = ERROR_INVALID_PARAMETER;
        return FALSE;
    }
    if (buffer == nullptr || *size <= name.size()) {
        *size = static_cast<DWORD>(name.size() + 1);
        last_error_slot() = ERROR_BUFFER_OVERFLOW;
        return FALSE;
    }
    copy_with_nul(name, buffer);
    *size = static_cast<DWORD>(name.size());
    return TRUE;
}

// What GetSystemInfo and NUMBER_OF_PROCESSORS report: the machine's, 1 to 64.
inline unsigned processor_count() noexcept {
    const unsigned count = std::thread::hardware_concurrency();
    return count == 0 ? 1u : (count > 64 ? 64u : count);
}

inline HANDLE process_heap_value() noexcept {
    static int heap = 0;
    return &heap;
}

inline void* heap_allocate(std::size_t bytes, bool zero) {
    void* block = zero ? std::calloc(bytes ? bytes : 1, 1) : std::malloc(bytes ? bytes : 1);
    if (!block) return nullptr;
    ProcessState& state = process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.heap_blocks[block] = bytes;
    return block;
}

inline bool heap_release(void* block) {
    ProcessState& state = process_state();
    {
        std::lock_guard<std::mutex> lock(state.mutex);
        if (state.heap_blocks.erase(block) == 0) return false;
    }
    std::free(block);
    return true;
}

}  // namespace detail

// ---- test knobs ----------------------------------------------------------------------------
inline void set_module_file_name(const std::wstring& path) {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.module_file_name = path;
}
inline void set_process_file_name(const std::wstring& path) {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.process_file_name = path;
}
inline void set_computer_name(const std::wstring& name) {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.computer_name = name;
}
inline std::wstring computer_name() {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    return state.computer_name;
}
// The HMODULE of the module under test: pass it to DllMain; GetModuleFileName(module_handle())
// answers set_module_file_name's path, GetModuleFileName(NULL) the process's (w3wp.exe).
inline HMODULE module_handle() noexcept { return detail::module_handle_value(); }
// Blocks from HeapAlloc/HeapReAlloc/LocalAlloc not yet freed (a leak check for tests).
inline std::size_t heap_allocations() {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    return state.heap_blocks.size();
}
// Restores the default names; live heap blocks stay valid.
inline void reset_process() {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.reset();
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- last error, ids, pseudo handles -------------------------------------------------------
inline DWORD WINAPI GetLastError(VOID) { return ::iisfake::win32::detail::last_error_slot(); }
inline VOID WINAPI SetLastError(DWORD dwErrCode) {
    ::iisfake::win32::detail::last_error_slot() = dwErrCode;
}

inline DWORD WINAPI GetCurrentProcessId(VOID) { return static_cast<DWORD>(::getpid()); }
inline DWORD WINAPI GetCurrentThreadId(VOID) {
    DWORD& id = ::iisfake::win32::detail::thread_id_slot();
    if (id == 0) id = ::iisfake::win32::detail::reserve_thread_id();
    return id;
}
inline HANDLE WINAPI GetCurrentProcess(VOID) {
    return reinterpret_cast<HANDLE>(static_cast<LONG_PTR>(-1));
}
inline HANDLE WINAPI GetCurrentThread(VOID) {
    return reinterpret_cast<HANDLE>(static_cast<LONG_PTR>(-2));
}

// ---- modules --------------------------------------------------------------------------------
inline BOOL WINAPI DisableThreadLibraryCalls(HMODULE hLibModule) {
    if (hLibModule == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

inline HMODULE WINAPI GetModuleHandleW(LPCWSTR lpModuleName) {
    if (lpModuleName == nullptr) return ::iisfake::win32::detail::process_module_value();
    if (HMODULE found = ::iisfake::win32::detail::find_module(lpModuleName)) return found;
    SetLastError(ERROR_MOD_NOT_FOUND);
    return nullptr;
}
inline HMODULE WINAPI GetModuleHandleA(LPCSTR lpModuleName) {
    if (lpModuleName == nullptr) return ::iisfake::win32::detail::process_module_value();
    return GetModuleHandleW(::iisfake::win32::detail::widen_utf8(lpModuleName).c_str());
}

// FROM_ADDRESS: any address is taken to lie in the module under test.
inline BOOL WINAPI GetModuleHandleExW(DWORD dwFlags, LPCWSTR lpModuleName, HMODULE* phModule) {
    if (phModule == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *phModule = nullptr;
    if (dwFlags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) {
        if (lpModuleName == nullptr) {
            SetLastError(ERROR_INVALID_ADDRESS);
            return FALSE;
        }
        *phModule = ::iisfake::win32::module_handle();
        return TRUE;
    }
    *phModule = GetModuleHandleW(lpModuleName);
    return *phModule ? TRUE : FALSE;
}
inline BOOL WINAPI GetModuleHandleExA(DWORD dwFlags, LPCSTR lpModuleName, HMODULE* phModule) {
    if ((dwFlags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) || lpModuleName == nullptr)
        return GetModuleHandleExW(dwFlags, lpModuleName ? L"" : nullptr, phModule);
    if (lpModuleName == nullptr) return GetModuleHandleExW(dwFlags, nullptr, phModule);
    return GetModuleHandleExW(dwFlags, ::iisfake::win32::detail::widen_utf8(lpModuleName).c_str(),
                              phModule);
}

// Returns the length without the NUL; a buffer too small gets nSize - 1 characters and a NUL,
// returns nSize, last error ERROR_INSUFFICIENT_BUFFER (Windows Vista and later).
inline DWORD WINAPI GetModuleFileNameW(HMODULE hModule, LPWSTR lpFilename, DWORD nSize) {
    std::wstring path;
    if (!::iisfake::win32::detail::module_file_name(hModule, path)) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    return ::iisfake::win32::detail::get_module_file_name(hModule, lpFilename, nSize, path);
}
inline DWORD WINAPI GetModuleFileNameA(HMODULE hModule, LPSTR lpFilename, DWORD nSize) {
    std::wstring path;
    if (!::iisfake::win32::detail::module_file_name(hModule, path)) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    return ::iisfake::win32::detail::get_module_file_name(
        hModule, lpFilename, nSize, ::iisfake::win32::detail::narrow_utf8(path));
}

// nSize in: the buffer's characters; out: the name's length, or the size needed (with the NUL)
// and ERROR_BUFFER_OVERFLOW.
inline BOOL WINAPI GetComputerNameW(LPWSTR lpBuffer, LPDWORD nSize) {
    return ::iisfake::win32::detail::get_computer_name(lpBuffer, nSize,
                                                       ::iisfake::win32::computer_name());
}
inline BOOL WINAPI GetComputerNameA(LPSTR lpBuffer, LPDWORD nSize) {
    return ::iisfake::win32::detail::get_computer_name(
        lpBuffer, nSize, ::iisfake::win32::detail::narrow_utf8(::iisfake::win32::computer_name()));
}

// ---- heap -----------------------------------------------------------------------------------
// One process heap; HeapCreate'd heaps share its blocks. Freeing a pointer the heap did not
// hand out fails (ERROR_INVALID_PARAMETER) instead of corrupting anything.
inline HANDLE WINAPI GetProcessHeap(VOID) { return ::iisfake::win32::detail::process_heap_value(); }

inline HANDLE WINAPI HeapCreate(DWORD flOptions, SIZE_T dwInitialSize, SIZE_T dwMaximumSize) {
    static_cast<void>(flOptions);
    static_cast<void>(dwInitialSize);
    static_cast<void>(dwMaximumSize);
    return ::iisfake::win32::detail::process_heap_value();
}
inline BOOL WINAPI HeapDestroy(HANDLE hHeap) {
    if (hHeap == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

inline LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes) {
    if (hHeap == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        return nullptr;
    }
    void* block =
        ::iisfake::win32::detail::heap_allocate(dwBytes, (dwFlags & HEAP_ZERO_MEMORY) != 0);
    if (!block) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return block;
}

inline BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem) {
    static_cast<void>(dwFlags);
    if (hHeap == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (lpMem == nullptr) return TRUE;
    if (::iisfake::win32::detail::heap_release(lpMem)) return TRUE;
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

inline SIZE_T WINAPI HeapSize(HANDLE hHeap, DWORD dwFlags, LPCVOID lpMem) {
    static_cast<void>(hHeap);
    static_cast<void>(dwFlags);
    ::iisfake::win32::detail::ProcessState& state = ::iisfake::win32::detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    auto found = state.heap_blocks.find(const_cast<void*>(lpMem));
    if (found == state.heap_blocks.end()) return static_cast<SIZE_T>(-1);
    return found->second;
}

inline LPVOID WINAPI HeapReAlloc(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem, SIZE_T dwBytes) {
    if (hHeap == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        return nullptr;
    }
    const SIZE_T old_size = HeapSize(hHeap, 0, lpMem);
    if (lpMem == nullptr || old_size == static_cast<SIZE_T>(-1)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    if (dwFlags & HEAP_REALLOC_IN_PLACE_ONLY) {
        if (dwBytes > old_size) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return nullptr;
        }
        ::iisfake::win32::detail::ProcessState& state = ::iisfake::win32::detail::process_state();
        std::lock_guard<std::mutex> lock(state.mutex);
        state.heap_blocks[lpMem] = dwBytes;
        return lpMem;
    }
    void* block =
        ::iisfake::win32::detail::heap_allocate(dwBytes, (dwFlags & HEAP_ZERO_MEMORY) != 0);
    if (!block) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    std::memcpy(block, lpMem, old_size < dwBytes ? old_size : dwBytes);
    ::iisfake::win32::detail::heap_release(lpMem);
    return block;
}

// LocalAlloc: LMEM_MOVEABLE blocks are fixed too (the handle is the pointer; LocalLock returns
// it). LocalFree returns NULL on success, the handle on failure.
inline HLOCAL WINAPI LocalAlloc(UINT uFlags, SIZE_T uBytes) {
    void* block = ::iisfake::win32::detail::heap_allocate(uBytes, (uFlags & LMEM_ZEROINIT) != 0);
    if (!block) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return block;
}
inline HLOCAL WINAPI LocalFree(HLOCAL hMem) {
    if (hMem == nullptr || ::iisfake::win32::detail::heap_release(hMem)) return nullptr;
    SetLastError(ERROR_INVALID_HANDLE);
    return hMem;
}
inline LPVOID WINAPI LocalLock(HLOCAL hMem) { return hMem; }
inline BOOL WINAPI LocalUnlock(HLOCAL hMem) {
    static_cast<void>(hMem);
    return FALSE;  // Windows: FALSE once the lock count reaches zero (fixed memory: always)
}

// ---- system information ---------------------------------------------------------------------
inline VOID WINAPI GetSystemInfo(LPSYSTEM_INFO lpSystemInfo) {
    if (lpSystemInfo == nullptr) return;
    std::memset(lpSystemInfo, 0, sizeof(SYSTEM_INFO));
    const unsigned processors = ::iisfake::win32::detail::processor_count();
    lpSystemInfo->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_AMD64;
    lpSystemInfo->dwPageSize = 4096;
    lpSystemInfo->lpMinimumApplicationAddress =
        reinterpret_cast<LPVOID>(static_cast<ULONG_PTR>(0x10000u));
    lpSystemInfo->lpMaximumApplicationAddress =
        reinterpret_cast<LPVOID>(static_cast<ULONG_PTR>(0x7FFFFFFEFFFFull));
    lpSystemInfo->dwActiveProcessorMask =
        processors >= 64 ? ~DWORD_PTR(0) : ((DWORD_PTR(1) << processors) - 1u);
    lpSystemInfo->dwNumberOfProcessors = processors;
    lpSystemInfo->dwProcessorType = PROCESSOR_AMD_X8664;
    lpSystemInfo->dwAllocationGranularity = 65536;
    lpSystemInfo->wProcessorLevel = 6;
    lpSystemInfo->wProcessorRevision = 0;
}
inline VOID WINAPI GetNativeSystemInfo(LPSYSTEM_INFO lpSystemInfo) { GetSystemInfo(lpSystemInfo); }

#if defined(UNICODE)
#define GetModuleHandle GetModuleHandleW
#define GetModuleHandleEx GetModuleHandleExW
#define GetModuleFileName GetModuleFileNameW
#define GetComputerName GetComputerNameW
#else
#define GetModuleHandle GetModuleHandleA
#define GetModuleHandleEx GetModuleHandleExA
#define GetModuleFileName GetModuleFileNameA
#define GetComputerName GetComputerNameA
#endif

#endif  // !_WIN32

#endif
