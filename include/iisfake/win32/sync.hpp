#ifndef IISFAKE_WIN32_SYNC_HPP_INCLUDED
#define IISFAKE_WIN32_SYNC_HPP_INCLUDED

// Synchronisation for module code off Windows (T-19): critical sections, slim reader/writer
// locks, condition variables, the Interlocked family, interlocked singly linked lists, Sleep,
// events and threads behind a handle table (CloseHandle, WaitForSingleObject,
// WaitForMultipleObjects).
//
// CRITICAL_SECTION, SRWLOCK, CONDITION_VARIABLE and SLIST_HEADER keep the Windows sizes and hold
// only plain fields; the waiting happens in a small table of mutex/condition-variable pairs
// picked by the object's address, and every field is read and written under that mutex. So an
// all-zero object (SRWLOCK_INIT, CONDITION_VARIABLE_INIT, a static) is ready to use, there is
// nothing to free, and ThreadSanitizer sees ordinary mutexes. Condition variables may wake more
// waiters than asked (Windows documents spurious wake-ups); timed waits measure real time even
// while iisfake::win32::clock() is frozen, and only Sleep advances a frozen clock.

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "iisfake/win32/process.hpp"
#include "iisfake/win32/time.hpp"

#define INFINITE 0xFFFFFFFFu
#define WAIT_OBJECT_0 0u
#define WAIT_ABANDONED 0x80u
#define WAIT_ABANDONED_0 0x80u
#define WAIT_IO_COMPLETION 0xC0u
#define WAIT_TIMEOUT 258u
#define WAIT_FAILED 0xFFFFFFFFu
#define MAXIMUM_WAIT_OBJECTS 64
#define STILL_ACTIVE 259u
#define CREATE_SUSPENDED 0x00000004
#define STACK_SIZE_PARAM_IS_A_RESERVATION 0x00010000
#define CREATE_EVENT_MANUAL_RESET 0x00000001
#define CREATE_EVENT_INITIAL_SET 0x00000002
#define CONDITION_VARIABLE_LOCKMODE_SHARED 0x1
#define CREATE_MUTEX_INITIAL_OWNER 0x00000001
#define CRITICAL_SECTION_NO_DEBUG_INFO 0x01000000
#ifndef ERROR_NOT_OWNER
#define ERROR_NOT_OWNER 288
#endif
#ifndef ERROR_TOO_MANY_POSTS
#define ERROR_TOO_MANY_POSTS 298
#endif
#ifndef MEMORY_ALLOCATION_ALIGNMENT
#define MEMORY_ALLOCATION_ALIGNMENT 16
#endif

#ifndef IISFAKE_WIN32_HAS_SECURITY_ATTRIBUTES
#define IISFAKE_WIN32_HAS_SECURITY_ATTRIBUTES 1
typedef struct _SECURITY_ATTRIBUTES {
    DWORD nLength;
    LPVOID lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;
#endif

typedef std::int64_t LONG64;
typedef std::uint64_t ULONG64;
typedef LONG* LPLONG;
typedef LONG64* PLONG64;
typedef ULONG64* PULONG64;

typedef DWORD(WINAPI* PTHREAD_START_ROUTINE)(LPVOID lpThreadParameter);
typedef PTHREAD_START_ROUTINE LPTHREAD_START_ROUTINE;

// ---- the lock types -------------------------------------------------------------------------
struct _RTL_CRITICAL_SECTION_DEBUG;
typedef struct _RTL_CRITICAL_SECTION_DEBUG* PRTL_CRITICAL_SECTION_DEBUG;

// RecursionCount and OwningThread (the owner's thread id) are kept as on Windows; LockCount is -1
// after initialisation and otherwise unused.
typedef struct _RTL_CRITICAL_SECTION {
    PRTL_CRITICAL_SECTION_DEBUG DebugInfo;
    LONG LockCount;
    LONG RecursionCount;
    HANDLE OwningThread;
    HANDLE LockSemaphore;
    ULONG_PTR SpinCount;
} RTL_CRITICAL_SECTION, *PRTL_CRITICAL_SECTION;
typedef RTL_CRITICAL_SECTION CRITICAL_SECTION;
typedef PRTL_CRITICAL_SECTION PCRITICAL_SECTION;
typedef PRTL_CRITICAL_SECTION LPCRITICAL_SECTION;

typedef struct _RTL_SRWLOCK {
    PVOID Ptr;
} RTL_SRWLOCK, SRWLOCK, *PSRWLOCK;
#define RTL_SRWLOCK_INIT \
    { nullptr }
#define SRWLOCK_INIT RTL_SRWLOCK_INIT

typedef struct _RTL_CONDITION_VARIABLE {
    PVOID Ptr;
} RTL_CONDITION_VARIABLE, CONDITION_VARIABLE, *PCONDITION_VARIABLE;
#define RTL_CONDITION_VARIABLE_INIT \
    { nullptr }
#define CONDITION_VARIABLE_INIT RTL_CONDITION_VARIABLE_INIT

typedef struct _SLIST_ENTRY {
    struct _SLIST_ENTRY* Next;
} SLIST_ENTRY, *PSLIST_ENTRY;

// Alignment holds the first entry, Region the depth (the 16 bytes of x64 Windows).
typedef struct _SLIST_HEADER {
    ULONGLONG Alignment;
    ULONGLONG Region;
} SLIST_HEADER, *PSLIST_HEADER;

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

// CONTAINING_RECORD's arithmetic, without casts the strict warnings flag in module code.
template <class T>
inline T* containing_record(const volatile void* address, std::size_t offset) noexcept {
    return reinterpret_cast<T*>(const_cast<char*>(static_cast<const volatile char*>(address)) -
                                offset);
}

struct ParkingBucket {
    std::mutex mutex;
    std::condition_variable cv;
};

inline ParkingBucket& bucket_for(const volatile void* address) {
    static ParkingBucket buckets[67];
    const auto key = reinterpret_cast<std::uintptr_t>(address);
    return buckets[(key >> 3) % 67u];
}

// Waits on the bucket until `ready` holds or the timeout (ms, INFINITE for none) passes.
template <class Ready>
inline bool park_until(ParkingBucket& bucket, std::unique_lock<std::mutex>& lock, DWORD ms,
                       Ready ready) {
    if (ms == INFINITE) {
        while (!ready()) bucket.cv.wait(lock);
        return true;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!ready()) {
        if (bucket.cv.wait_until(lock, deadline) == std::cv_status::timeout) return ready();
    }
    return true;
}

inline HANDLE thread_as_owner(DWORD id) noexcept {
    return reinterpret_cast<HANDLE>(static_cast<ULONG_PTR>(id));
}

// ---- critical sections
inline void enter_critical_section(CRITICAL_SECTION* cs, LONG recursion) {
    const HANDLE me = thread_as_owner(GetCurrentThreadId());
    ParkingBucket& bucket = bucket_for(cs);
    std::unique_lock<std::mutex> lock(bucket.mutex);
    if (cs->RecursionCount > 0 && cs->OwningThread == me) {
        cs->RecursionCount += recursion;
        return;
    }
    park_until(bucket, lock, INFINITE, [cs] { return cs->RecursionCount <= 0; });
    cs->OwningThread = me;
    cs->RecursionCount = recursion;
}

// Leaves `all` levels or one; returns the levels left, 0 if the caller did not own it.
inline LONG leave_critical_section(CRITICAL_SECTION* cs, bool all) {
    const HANDLE me = thread_as_owner(GetCurrentThreadId());
    ParkingBucket& bucket = bucket_for(cs);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    if (cs->RecursionCount <= 0 || cs->OwningThread != me) return 0;
    const LONG left = all ? cs->RecursionCount : 1;
    cs->RecursionCount -= left;
    if (cs->RecursionCount == 0) {
        cs->OwningThread = nullptr;
        bucket.cv.notify_all();
    }
    return left;
}

inline bool owns_critical_section(CRITICAL_SECTION* cs) {
    const HANDLE me = thread_as_owner(GetCurrentThreadId());
    ParkingBucket& bucket = bucket_for(cs);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    return cs->RecursionCount > 0 && cs->OwningThread == me;
}

// ---- slim reader/writer locks: Ptr = readers << 17 | waiting writers << 1 | writer
constexpr std::uintptr_t srw_writer() noexcept { return 1u; }
constexpr std::uintptr_t srw_waiting_writer() noexcept { return 2u; }
constexpr std::uintptr_t srw_waiting_mask() noexcept { return 0x1FFFEu; }
constexpr std::uintptr_t srw_reader() noexcept { return std::uintptr_t(1) << 17; }

inline std::uintptr_t srw_bits(const SRWLOCK* lock) noexcept {
    return reinterpret_cast<std::uintptr_t>(lock->Ptr);
}
inline void set_srw_bits(SRWLOCK* lock, std::uintptr_t bits) noexcept {
    lock->Ptr = reinterpret_cast<PVOID>(bits);
}

inline bool srw_try_exclusive(SRWLOCK* srw) noexcept {
    const std::uintptr_t bits = srw_bits(srw);
    if ((bits & srw_writer()) || bits >= srw_reader()) return false;
    set_srw_bits(srw, bits | srw_writer());
    return true;
}
inline bool srw_try_shared(SRWLOCK* srw) noexcept {
    const std::uintptr_t bits = srw_bits(srw);
    if (bits & (srw_writer() | srw_waiting_mask())) return false;
    set_srw_bits(srw, bits + srw_reader());
    return true;
}

inline void acquire_srw(SRWLOCK* srw, bool shared) {
    ParkingBucket& bucket = bucket_for(srw);
    std::unique_lock<std::mutex> lock(bucket.mutex);
    if (shared) {
        park_until(bucket, lock, INFINITE, [srw] { return srw_try_shared(srw); });
        return;
    }
    if (srw_try_exclusive(srw)) return;
    set_srw_bits(srw, srw_bits(srw) + srw_waiting_writer());  // readers arriving now wait
    park_until(bucket, lock, INFINITE, [srw] {
        const std::uintptr_t bits = srw_bits(srw);
        return !(bits & srw_writer()) && bits < srw_reader();
    });
    set_srw_bits(srw, (srw_bits(srw) - srw_waiting_writer()) | srw_writer());
}

inline bool try_acquire_srw(SRWLOCK* srw, bool shared) {
    ParkingBucket& bucket = bucket_for(srw);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    return shared ? srw_try_shared(srw) : srw_try_exclusive(srw);
}

// Releasing a lock not held in that mode is ignored.
inline bool release_srw(SRWLOCK* srw, bool shared) {
    ParkingBucket& bucket = bucket_for(srw);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    const std::uintptr_t bits = srw_bits(srw);
    if (shared) {
        if (bits < srw_reader()) return false;
        set_srw_bits(srw, bits - srw_reader());
    } else {
        if (!(bits & srw_writer())) return false;
        set_srw_bits(srw, bits & ~srw_writer());
    }
    bucket.cv.notify_all();
    return true;
}

// ---- condition variables: Ptr counts wake-ups
inline std::uintptr_t cv_generation(const CONDITION_VARIABLE* cv) noexcept {
    return reinterpret_cast<std::uintptr_t>(cv->Ptr);
}

inline void wake_condition_variable(CONDITION_VARIABLE* cv) {
    if (cv == nullptr) return;
    ParkingBucket& bucket = bucket_for(cv);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    cv->Ptr = reinterpret_cast<PVOID>(cv_generation(cv) + 1);
    bucket.cv.notify_all();
}

// Reads the generation, runs `release` (the caller's lock; never under the bucket's mutex, so
// the lock may share the bucket), then waits for a later generation.
template <class Release>
inline bool sleep_condition_variable(CONDITION_VARIABLE* cv, DWORD ms, Release release) {
    ParkingBucket& bucket = bucket_for(cv);
    std::uintptr_t generation = 0;
    {
        std::lock_guard<std::mutex> lock(bucket.mutex);
        generation = cv_generation(cv);
    }
    release();
    std::unique_lock<std::mutex> lock(bucket.mutex);
    return park_until(bucket, lock, ms,
                      [cv, generation] { return cv_generation(cv) != generation; });
}

// ---- interlocked singly linked lists
inline PSLIST_ENTRY slist_first(const SLIST_HEADER* header) noexcept {
    return reinterpret_cast<PSLIST_ENTRY>(static_cast<std::uintptr_t>(header->Alignment));
}
inline void set_slist_first(SLIST_HEADER* header, PSLIST_ENTRY first) noexcept {
    header->Alignment = reinterpret_cast<std::uintptr_t>(first);
}

// ---- kernel objects behind handles
// An object a HANDLE names. Other parts may add their own (insert_handle); every field of an
// object is guarded by handle_table().mutex, and whoever signals one calls notify_all on cv.
struct KernelObject {
    virtual ~KernelObject() {}
    virtual bool waitable() const { return true; }
    virtual bool signaled() const { return false; }
    virtual void acquired() {}  // a wait was satisfied by this object
};

struct EventObject : KernelObject {
    bool manual_reset = false;
    bool state = false;
    bool signaled() const override { return state; }
    void acquired() override {
        if (!manual_reset) state = false;
    }
};

struct ThreadObject : KernelObject {
    DWORD id = 0;
    DWORD exit_code = STILL_ACTIVE;
    DWORD suspend_count = 0;
    bool done = false;
    bool signaled() const override { return done; }
};

// Owned by one thread at a time, recursively; signalled for a thread that could take it.
struct MutexObject : KernelObject {
    DWORD owner = 0;
    DWORD recursion = 0;
    bool signaled() const override { return recursion == 0 || owner == GetCurrentThreadId(); }
    void acquired() override {
        owner = GetCurrentThreadId();
        ++recursion;
    }
};

struct SemaphoreObject : KernelObject {
    LONG count = 0;
    LONG maximum = 1;
    bool signaled() const override { return count > 0; }
    void acquired() override { --count; }
};

struct HandleTable {
    std::mutex mutex;
    std::condition_variable cv;
    std::map<std::uintptr_t, std::shared_ptr<KernelObject>> objects;
    std::map<std::wstring, std::weak_ptr<KernelObject>> names;
    std::uintptr_t next = 0x1000;
};

inline HandleTable& handle_table() {
    static HandleTable table;
    return table;
}

inline HANDLE insert_handle_locked(HandleTable& table, std::shared_ptr<KernelObject> object) {
    const std::uintptr_t value = table.next;
    table.next += 4;
    table.objects[value] = std::move(object);
    return reinterpret_cast<HANDLE>(value);
}

inline HANDLE insert_handle(std::shared_ptr<KernelObject> object) {
    HandleTable& table = handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    return insert_handle_locked(table, std::move(object));
}

inline std::shared_ptr<KernelObject> find_handle_locked(HandleTable& table, HANDLE handle) {
    auto found = table.objects.find(reinterpret_cast<std::uintptr_t>(handle));
    return found == table.objects.end() ? std::shared_ptr<KernelObject>() : found->second;
}

inline std::shared_ptr<KernelObject> find_handle(HANDLE handle) {
    HandleTable& table = handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    return find_handle_locked(table, handle);
}

inline bool is_pseudo_handle(HANDLE handle) noexcept {
    return handle == GetCurrentProcess() || handle == GetCurrentThread();
}

template <class T>
inline T* as_object(const std::shared_ptr<KernelObject>& object) {
    return dynamic_cast<T*>(object.get());
}

inline HANDLE create_event(bool manual_reset, bool initial_state, const std::wstring* name) {
    HandleTable& table = handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    if (name) {
        auto found = table.names.find(*name);
        if (found != table.names.end()) {
            if (std::shared_ptr<KernelObject> existing = found->second.lock()) {
                if (!as_object<EventObject>(existing)) {
                    SetLastError(ERROR_INVALID_HANDLE);
                    return nullptr;
                }
                SetLastError(ERROR_ALREADY_EXISTS);
                return insert_handle_locked(table, existing);
            }
        }
    }
    std::shared_ptr<EventObject> event = std::make_shared<EventObject>();
    event->manual_reset = manual_reset;
    event->state = initial_state;
    if (name) table.names[*name] = event;
    SetLastError(ERROR_SUCCESS);
    return insert_handle_locked(table, event);
}

inline BOOL set_event_state(HANDLE handle, bool state) {
    HandleTable& table = handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    EventObject* event = as_object<EventObject>(find_handle_locked(table, handle));
    if (!event) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    event->state = state;
    if (state) table.cv.notify_all();
    return TRUE;
}

}  // namespace detail

// Handles open in the handle table (events, threads, and other parts' objects): a leak check.
inline std::size_t open_handle_count() {
    detail::HandleTable& table = detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    return table.objects.size();
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- critical sections ------------------------------------------------------------------------
inline VOID WINAPI InitializeCriticalSection(LPCRITICAL_SECTION lpCriticalSection) {
    if (lpCriticalSection == nullptr) return;
    lpCriticalSection->DebugInfo = nullptr;
    lpCriticalSection->LockCount = -1;
    lpCriticalSection->RecursionCount = 0;
    lpCriticalSection->OwningThread = nullptr;
    lpCriticalSection->LockSemaphore = nullptr;
    lpCriticalSection->SpinCount = 0;
}
inline BOOL WINAPI InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION lpCriticalSection,
                                                         DWORD dwSpinCount) {
    InitializeCriticalSection(lpCriticalSection);
    if (lpCriticalSection) lpCriticalSection->SpinCount = dwSpinCount;
    return TRUE;
}
inline BOOL WINAPI InitializeCriticalSectionEx(LPCRITICAL_SECTION lpCriticalSection,
                                               DWORD dwSpinCount, DWORD Flags) {
    static_cast<void>(Flags);
    return InitializeCriticalSectionAndSpinCount(lpCriticalSection, dwSpinCount);
}
inline DWORD WINAPI SetCriticalSectionSpinCount(LPCRITICAL_SECTION lpCriticalSection,
                                                DWORD dwSpinCount) {
    if (lpCriticalSection == nullptr) return 0;
    const auto previous = static_cast<DWORD>(lpCriticalSection->SpinCount);
    lpCriticalSection->SpinCount = dwSpinCount;
    return previous;
}
inline VOID WINAPI EnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection) {
    if (lpCriticalSection) ::iisfake::win32::detail::enter_critical_section(lpCriticalSection, 1);
}
inline BOOL WINAPI TryEnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection) {
    if (lpCriticalSection == nullptr) return FALSE;
    const HANDLE me = ::iisfake::win32::detail::thread_as_owner(GetCurrentThreadId());
    ::iisfake::win32::detail::ParkingBucket& bucket =
        ::iisfake::win32::detail::bucket_for(lpCriticalSection);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    if (lpCriticalSection->RecursionCount > 0 && lpCriticalSection->OwningThread != me)
        return FALSE;
    if (lpCriticalSection->RecursionCount <= 0) {
        lpCriticalSection->OwningThread = me;
        lpCriticalSection->RecursionCount = 0;
    }
    ++lpCriticalSection->RecursionCount;
    return TRUE;
}
// Leaving a section the thread does not own is ignored.
inline VOID WINAPI LeaveCriticalSection(LPCRITICAL_SECTION lpCriticalSection) {
    if (lpCriticalSection)
        ::iisfake::win32::detail::leave_critical_section(lpCriticalSection, false);
}
inline VOID WINAPI DeleteCriticalSection(LPCRITICAL_SECTION lpCriticalSection) {
    if (lpCriticalSection == nullptr) return;
    ::iisfake::win32::detail::ParkingBucket& bucket =
        ::iisfake::win32::detail::bucket_for(lpCriticalSection);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    lpCriticalSection->RecursionCount = 0;
    lpCriticalSection->OwningThread = nullptr;
    lpCriticalSection->LockCount = -1;
    bucket.cv.notify_all();
}

// ---- slim reader/writer locks -------------------------------------------------------------------
inline VOID WINAPI InitializeSRWLock(PSRWLOCK SRWLock) {
    if (SRWLock) SRWLock->Ptr = nullptr;
}
inline VOID WINAPI AcquireSRWLockExclusive(PSRWLOCK SRWLock) {
    if (SRWLock) ::iisfake::win32::detail::acquire_srw(SRWLock, false);
}
inline VOID WINAPI AcquireSRWLockShared(PSRWLOCK SRWLock) {
    if (SRWLock) ::iisfake::win32::detail::acquire_srw(SRWLock, true);
}
inline BOOLEAN WINAPI TryAcquireSRWLockExclusive(PSRWLOCK SRWLock) {
    return SRWLock && ::iisfake::win32::detail::try_acquire_srw(SRWLock, false) ? 1 : 0;
}
inline BOOLEAN WINAPI TryAcquireSRWLockShared(PSRWLOCK SRWLock) {
    return SRWLock && ::iisfake::win32::detail::try_acquire_srw(SRWLock, true) ? 1 : 0;
}
inline VOID WINAPI ReleaseSRWLockExclusive(PSRWLOCK SRWLock) {
    if (SRWLock) ::iisfake::win32::detail::release_srw(SRWLock, false);
}
inline VOID WINAPI ReleaseSRWLockShared(PSRWLOCK SRWLock) {
    if (SRWLock) ::iisfake::win32::detail::release_srw(SRWLock, true);
}

// ---- condition variables ----------------------------------------------------------------------
inline VOID WINAPI InitializeConditionVariable(PCONDITION_VARIABLE ConditionVariable) {
    if (ConditionVariable) ConditionVariable->Ptr = nullptr;
}
inline VOID WINAPI WakeConditionVariable(PCONDITION_VARIABLE ConditionVariable) {
    ::iisfake::win32::detail::wake_condition_variable(ConditionVariable);
}
inline VOID WINAPI WakeAllConditionVariable(PCONDITION_VARIABLE ConditionVariable) {
    ::iisfake::win32::detail::wake_condition_variable(ConditionVariable);
}

// The caller must own the section (else FALSE, ERROR_INVALID_PARAMETER); it is released while
// waiting and entered again, at the same recursion depth, before returning. Timeout: FALSE,
// ERROR_TIMEOUT.
inline BOOL WINAPI SleepConditionVariableCS(PCONDITION_VARIABLE ConditionVariable,
                                            PCRITICAL_SECTION CriticalSection,
                                            DWORD dwMilliseconds) {
    if (ConditionVariable == nullptr || CriticalSection == nullptr ||
        !::iisfake::win32::detail::owns_critical_section(CriticalSection)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    LONG depth = 0;
    const bool woken = ::iisfake::win32::detail::sleep_condition_variable(
        ConditionVariable, dwMilliseconds, [&depth, CriticalSection] {
            depth = ::iisfake::win32::detail::leave_critical_section(CriticalSection, true);
        });
    ::iisfake::win32::detail::enter_critical_section(CriticalSection, depth);
    if (woken) return TRUE;
    SetLastError(ERROR_TIMEOUT);
    return FALSE;
}

// Flags: 0 (held exclusive) or CONDITION_VARIABLE_LOCKMODE_SHARED. A lock not held in that mode:
// FALSE, ERROR_INVALID_PARAMETER.
inline BOOL WINAPI SleepConditionVariableSRW(PCONDITION_VARIABLE ConditionVariable,
                                             PSRWLOCK SRWLock, DWORD dwMilliseconds, ULONG Flags) {
    if (ConditionVariable == nullptr || SRWLock == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const bool shared = (Flags & CONDITION_VARIABLE_LOCKMODE_SHARED) != 0;
    bool released = false;
    const bool woken = ::iisfake::win32::detail::sleep_condition_variable(
        ConditionVariable, dwMilliseconds, [&released, SRWLock, shared] {
            released = ::iisfake::win32::detail::release_srw(SRWLock, shared);
        });
    if (!released) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ::iisfake::win32::detail::acquire_srw(SRWLock, shared);
    if (woken) return TRUE;
    SetLastError(ERROR_TIMEOUT);
    return FALSE;
}

// The structure a field's address belongs to (SLIST_ENTRY members, mostly).
#ifndef FIELD_OFFSET
#define FIELD_OFFSET(type, field) (static_cast<LONG>(offsetof(type, field)))
#endif
#ifndef CONTAINING_RECORD
#define CONTAINING_RECORD(address, type, field) \
    (::iisfake::win32::detail::containing_record<type>((address), offsetof(type, field)))
#endif

// ---- Interlocked ------------------------------------------------------------------------------
// Sequentially consistent, on LONG (32-bit) and, as Windows' C++ overloads allow, on unsigned,
// long and unsigned long (64-bit here) and the 64-bit types; the ...64 forms on 64-bit integers.
// A NULL target is ignored and yields 0.
IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {
template <class T>
inline T atomic_add_fetch(T volatile* target, T value) noexcept {
    return target ? __atomic_add_fetch(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_sub_fetch(T volatile* target, T value) noexcept {
    return target ? __atomic_sub_fetch(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_fetch_add(T volatile* target, T value) noexcept {
    return target ? __atomic_fetch_add(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_exchange(T volatile* target, T value) noexcept {
    return target ? __atomic_exchange_n(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_compare_exchange(T volatile* target, T exchange, T comparand) noexcept {
    if (!target) return T();
    __atomic_compare_exchange_n(target, &comparand, exchange, false, __ATOMIC_SEQ_CST,
                                __ATOMIC_SEQ_CST);
    return comparand;  // the initial value either way
}
template <class T>
inline T atomic_fetch_and(T volatile* target, T value) noexcept {
    return target ? __atomic_fetch_and(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_fetch_or(T volatile* target, T value) noexcept {
    return target ? __atomic_fetch_or(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_fetch_xor(T volatile* target, T value) noexcept {
    return target ? __atomic_fetch_xor(target, value, __ATOMIC_SEQ_CST) : T();
}
}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

#define IISFAKE_WIN32_INTERLOCKED_FAMILY(T, SUFFIX)                                         \
    inline T WINAPI InterlockedIncrement##SUFFIX(T volatile* Addend) {                      \
        return ::iisfake::win32::detail::atomic_add_fetch<T>(Addend, 1);                    \
    }                                                                                       \
    inline T WINAPI InterlockedDecrement##SUFFIX(T volatile* Addend) {                      \
        return ::iisfake::win32::detail::atomic_sub_fetch<T>(Addend, 1);                    \
    }                                                                                       \
    inline T WINAPI InterlockedExchange##SUFFIX(T volatile* Target, T Value) {              \
        return ::iisfake::win32::detail::atomic_exchange<T>(Target, Value);                 \
    }                                                                                       \
    inline T WINAPI InterlockedExchangeAdd##SUFFIX(T volatile* Addend, T Value) {           \
        return ::iisfake::win32::detail::atomic_fetch_add<T>(Addend, Value);                \
    }                                                                                       \
    inline T WINAPI InterlockedAdd##SUFFIX(T volatile* Addend, T Value) {                   \
        return ::iisfake::win32::detail::atomic_add_fetch<T>(Addend, Value);                \
    }                                                                                       \
    inline T WINAPI InterlockedCompareExchange##SUFFIX(T volatile* Destination, T ExChange, \
                                                       T Comperand) {                       \
        return ::iisfake::win32::detail::atomic_compare_exchange<T>(Destination, ExChange,  \
                                                                    Comperand);             \
    }                                                                                       \
    inline T WINAPI InterlockedAnd##SUFFIX(T volatile* Destination, T Value) {              \
        return ::iisfake::win32::detail::atomic_fetch_and<T>(Destination, Value);           \
    }                                                                                       \
    inline T WINAPI InterlockedOr##SUFFIX(T volatile* Destination, T Value) {               \
        return ::iisfake::win32::detail::atomic_fetch_or<T>(Destination, Value);            \
    }                                                                                       \
    inline T WINAPI InterlockedXor##SUFFIX(T volatile* Destination, T Value) {              \
        return ::iisfake::win32::detail::atomic_fetch_xor<T>(Destination, Value);           \
    }

// LONG (int here), and the C++ overloads: unsigned, long, unsigned long, 64-bit.
IISFAKE_WIN32_INTERLOCKED_FAMILY(LONG, )
IISFAKE_WIN32_INTERLOCKED_FAMILY(unsigned, )
IISFAKE_WIN32_INTERLOCKED_FAMILY(long, )
IISFAKE_WIN32_INTERLOCKED_FAMILY(unsigned long, )
IISFAKE_WIN32_INTERLOCKED_FAMILY(long long, )
IISFAKE_WIN32_INTERLOCKED_FAMILY(unsigned long long, )
// The 64-bit forms: LONG64 (long here) and long long (__int64 on Windows), and unsigned.
IISFAKE_WIN32_INTERLOCKED_FAMILY(long, 64)
IISFAKE_WIN32_INTERLOCKED_FAMILY(long long, 64)
IISFAKE_WIN32_INTERLOCKED_FAMILY(unsigned long, 64)
IISFAKE_WIN32_INTERLOCKED_FAMILY(unsigned long long, 64)
// SHORT.
IISFAKE_WIN32_INTERLOCKED_FAMILY(SHORT, 16)
#undef IISFAKE_WIN32_INTERLOCKED_FAMILY

inline PVOID WINAPI InterlockedExchangePointer(PVOID volatile* Target, PVOID Value) {
    return ::iisfake::win32::detail::atomic_exchange<PVOID>(Target, Value);
}
inline PVOID WINAPI InterlockedCompareExchangePointer(PVOID volatile* Destination, PVOID ExChange,
                                                      PVOID Comperand) {
    return ::iisfake::win32::detail::atomic_compare_exchange<PVOID>(Destination, ExChange,
                                                                    Comperand);
}

// The ordering variants are sequentially consistent too.
#define InterlockedIncrementAcquire InterlockedIncrement
#define InterlockedIncrementRelease InterlockedIncrement
#define InterlockedIncrementNoFence InterlockedIncrement
#define InterlockedDecrementAcquire InterlockedDecrement
#define InterlockedDecrementRelease InterlockedDecrement
#define InterlockedDecrementNoFence InterlockedDecrement
#define InterlockedExchangeAcquire InterlockedExchange
#define InterlockedExchangeNoFence InterlockedExchange
#define InterlockedCompareExchangeAcquire InterlockedCompareExchange
#define InterlockedCompareExchangeRelease InterlockedCompareExchange
#define InterlockedCompareExchangeNoFence InterlockedCompareExchange
#define InterlockedCompareExchangePointerAcquire InterlockedCompareExchangePointer
#define InterlockedCompareExchangePointerRelease InterlockedCompareExchangePointer
#define InterlockedCompareExchangePointerNoFence InterlockedCompareExchangePointer
#define InterlockedExchangePointerAcquire InterlockedExchangePointer
#define InterlockedExchangePointerNoFence InterlockedExchangePointer

inline VOID WINAPI MemoryBarrier(VOID) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
inline VOID WINAPI YieldProcessor(VOID) {}

// ---- interlocked singly linked lists ----------------------------------------------------------
// Lock-protected (no ABA): any number of threads may push and pop. Depth is a USHORT, as on
// Windows; it saturates instead of wrapping.
inline VOID WINAPI InitializeSListHead(PSLIST_HEADER ListHead) {
    if (ListHead == nullptr) return;
    ListHead->Alignment = 0;
    ListHead->Region = 0;
}
inline PSLIST_ENTRY WINAPI InterlockedPushEntrySList(PSLIST_HEADER ListHead,
                                                     PSLIST_ENTRY ListEntry) {
    if (ListHead == nullptr || ListEntry == nullptr) return nullptr;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    PSLIST_ENTRY previous = ::iisfake::win32::detail::slist_first(ListHead);
    ListEntry->Next = previous;
    ::iisfake::win32::detail::set_slist_first(ListHead, ListEntry);
    ++ListHead->Region;
    return previous;
}
// Pushes the chain List..ListEnd (Count entries, linked by Next) at once.
inline PSLIST_ENTRY WINAPI InterlockedPushListSListEx(PSLIST_HEADER ListHead, PSLIST_ENTRY List,
                                                      PSLIST_ENTRY ListEnd, ULONG Count) {
    if (ListHead == nullptr || List == nullptr || ListEnd == nullptr) return nullptr;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    PSLIST_ENTRY previous = ::iisfake::win32::detail::slist_first(ListHead);
    ListEnd->Next = previous;
    ::iisfake::win32::detail::set_slist_first(ListHead, List);
    ListHead->Region += Count;
    return previous;
}
inline PSLIST_ENTRY WINAPI InterlockedPopEntrySList(PSLIST_HEADER ListHead) {
    if (ListHead == nullptr) return nullptr;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    PSLIST_ENTRY first = ::iisfake::win32::detail::slist_first(ListHead);
    if (first) {
        ::iisfake::win32::detail::set_slist_first(ListHead, first->Next);
        if (ListHead->Region) --ListHead->Region;
    }
    return first;
}
inline PSLIST_ENTRY WINAPI InterlockedFlushSList(PSLIST_HEADER ListHead) {
    if (ListHead == nullptr) return nullptr;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    PSLIST_ENTRY first = ::iisfake::win32::detail::slist_first(ListHead);
    ::iisfake::win32::detail::set_slist_first(ListHead, nullptr);
    ListHead->Region = 0;
    return first;
}
inline USHORT WINAPI QueryDepthSList(PSLIST_HEADER ListHead) {
    if (ListHead == nullptr) return 0;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    return static_cast<USHORT>(ListHead->Region > 0xFFFFu ? 0xFFFFu : ListHead->Region);
}
inline PSLIST_ENTRY WINAPI RtlFirstEntrySList(const SLIST_HEADER* ListHead) {
    if (ListHead == nullptr) return nullptr;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    return ::iisfake::win32::detail::slist_first(ListHead);
}

// ---- sleeping ---------------------------------------------------------------------------------
// While iisfake::win32::clock() is frozen, Sleep advances it by dwMilliseconds and only yields.
// Sleep(INFINITE) never returns, as on Windows.
inline VOID WINAPI Sleep(DWORD dwMilliseconds) {
    if (dwMilliseconds == INFINITE) {
        for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
    }
    if (::iisfake::win32::clock().frozen()) {
        ::iisfake::win32::clock().advance(std::chrono::milliseconds(dwMilliseconds));
        std::this_thread::yield();
    } else if (dwMilliseconds == 0) {
        std::this_thread::yield();
    } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(dwMilliseconds));
    }
}
// No APCs are ever queued, so an alertable sleep returns 0 too.
inline DWORD WINAPI SleepEx(DWORD dwMilliseconds, BOOL bAlertable) {
    static_cast<void>(bAlertable);
    Sleep(dwMilliseconds);
    return 0;
}
inline BOOL WINAPI SwitchToThread(VOID) {
    std::this_thread::yield();
    return TRUE;
}

// ---- handles, events, threads -----------------------------------------------------------------
// A closed or unknown handle: FALSE, ERROR_INVALID_HANDLE. The pseudo handles close as no-ops.
inline BOOL WINAPI CloseHandle(HANDLE hObject) {
    if (::iisfake::win32::detail::is_pseudo_handle(hObject)) return TRUE;
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::shared_ptr<::iisfake::win32::detail::KernelObject> object;  // destroyed unlocked
    {
        std::lock_guard<std::mutex> lock(table.mutex);
        auto found = table.objects.find(reinterpret_cast<std::uintptr_t>(hObject));
        if (found != table.objects.end()) {
            object = std::move(found->second);
            table.objects.erase(found);
        }
    }
    if (object) return TRUE;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

inline HANDLE WINAPI CreateEventW(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset,
                                  BOOL bInitialState, LPCWSTR lpName) {
    static_cast<void>(lpEventAttributes);
    if (lpName == nullptr || *lpName == L'\0')
        return ::iisfake::win32::detail::create_event(bManualReset != FALSE, bInitialState != FALSE,
                                                      nullptr);
    const std::wstring name(lpName);
    return ::iisfake::win32::detail::create_event(bManualReset != FALSE, bInitialState != FALSE,
                                                  &name);
}
inline HANDLE WINAPI CreateEventA(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset,
                                  BOOL bInitialState, LPCSTR lpName) {
    if (lpName == nullptr)
        return CreateEventW(lpEventAttributes, bManualReset, bInitialState, nullptr);
    return CreateEventW(lpEventAttributes, bManualReset, bInitialState,
                        ::iisfake::win32::detail::widen_utf8(lpName).c_str());
}
inline HANDLE WINAPI CreateEventExW(LPSECURITY_ATTRIBUTES lpEventAttributes, LPCWSTR lpName,
                                    DWORD dwFlags, DWORD dwDesiredAccess) {
    static_cast<void>(dwDesiredAccess);
    return CreateEventW(lpEventAttributes, (dwFlags & CREATE_EVENT_MANUAL_RESET) ? TRUE : FALSE,
                        (dwFlags & CREATE_EVENT_INITIAL_SET) ? TRUE : FALSE, lpName);
}
inline HANDLE WINAPI CreateEventExA(LPSECURITY_ATTRIBUTES lpEventAttributes, LPCSTR lpName,
                                    DWORD dwFlags, DWORD dwDesiredAccess) {
    static_cast<void>(dwDesiredAccess);
    return CreateEventA(lpEventAttributes, (dwFlags & CREATE_EVENT_MANUAL_RESET) ? TRUE : FALSE,
                        (dwFlags & CREATE_EVENT_INITIAL_SET) ? TRUE : FALSE, lpName);
}
inline BOOL WINAPI SetEvent(HANDLE hEvent) {
    return ::iisfake::win32::detail::set_event_state(hEvent, true);
}
inline BOOL WINAPI ResetEvent(HANDLE hEvent) {
    return ::iisfake::win32::detail::set_event_state(hEvent, false);
}

// Mutexes: recursive, owned by the thread whose wait acquired them (an owner that ends without
// releasing does not make them abandoned here). Named ones are shared as events are.
inline HANDLE WINAPI CreateMutexW(LPSECURITY_ATTRIBUTES lpMutexAttributes, BOOL bInitialOwner,
                                  LPCWSTR lpName) {
    static_cast<void>(lpMutexAttributes);
    using ::iisfake::win32::detail::MutexObject;
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    if (lpName && *lpName) {
        auto found = table.names.find(lpName);
        if (found != table.names.end()) {
            if (std::shared_ptr<::iisfake::win32::detail::KernelObject> existing =
                    found->second.lock()) {
                if (!::iisfake::win32::detail::as_object<MutexObject>(existing)) {
                    SetLastError(ERROR_INVALID_HANDLE);
                    return nullptr;
                }
                SetLastError(ERROR_ALREADY_EXISTS);
                return ::iisfake::win32::detail::insert_handle_locked(table, existing);
            }
        }
    }
    std::shared_ptr<MutexObject> mutex = std::make_shared<MutexObject>();
    if (bInitialOwner) mutex->acquired();
    if (lpName && *lpName) table.names[lpName] = mutex;
    SetLastError(ERROR_SUCCESS);
    return ::iisfake::win32::detail::insert_handle_locked(table, mutex);
}
inline HANDLE WINAPI CreateMutexA(LPSECURITY_ATTRIBUTES lpMutexAttributes, BOOL bInitialOwner,
                                  LPCSTR lpName) {
    if (lpName == nullptr) return CreateMutexW(lpMutexAttributes, bInitialOwner, nullptr);
    return CreateMutexW(lpMutexAttributes, bInitialOwner,
                        ::iisfake::win32::detail::widen_utf8(lpName).c_str());
}
inline HANDLE WINAPI CreateMutexExW(LPSECURITY_ATTRIBUTES lpMutexAttributes, LPCWSTR lpName,
                                    DWORD dwFlags, DWORD dwDesiredAccess) {
    static_cast<void>(dwDesiredAccess);
    return CreateMutexW(lpMutexAttributes, (dwFlags & CREATE_MUTEX_INITIAL_OWNER) ? TRUE : FALSE,
                        lpName);
}
// Not the owner: FALSE, ERROR_NOT_OWNER.
inline BOOL WINAPI ReleaseMutex(HANDLE hMutex) {
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto* mutex = ::iisfake::win32::detail::as_object<::iisfake::win32::detail::MutexObject>(
        ::iisfake::win32::detail::find_handle_locked(table, hMutex));
    if (!mutex) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (mutex->recursion == 0 || mutex->owner != GetCurrentThreadId()) {
        SetLastError(ERROR_NOT_OWNER);
        return FALSE;
    }
    if (--mutex->recursion == 0) {
        mutex->owner = 0;
        table.cv.notify_all();
    }
    return TRUE;
}

// Semaphores: 0 <= initial <= maximum, maximum > 0, else NULL and ERROR_INVALID_PARAMETER.
inline HANDLE WINAPI CreateSemaphoreW(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes,
                                      LONG lInitialCount, LONG lMaximumCount, LPCWSTR lpName) {
    static_cast<void>(lpSemaphoreAttributes);
    static_cast<void>(lpName);
    if (lMaximumCount <= 0 || lInitialCount < 0 || lInitialCount > lMaximumCount) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    std::shared_ptr<::iisfake::win32::detail::SemaphoreObject> semaphore =
        std::make_shared<::iisfake::win32::detail::SemaphoreObject>();
    semaphore->count = lInitialCount;
    semaphore->maximum = lMaximumCount;
    return ::iisfake::win32::detail::insert_handle(semaphore);
}
inline HANDLE WINAPI CreateSemaphoreA(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes,
                                      LONG lInitialCount, LONG lMaximumCount, LPCSTR lpName) {
    static_cast<void>(lpName);
    return CreateSemaphoreW(lpSemaphoreAttributes, lInitialCount, lMaximumCount, nullptr);
}
// Past the maximum: FALSE, ERROR_TOO_MANY_POSTS, the count unchanged.
inline BOOL WINAPI ReleaseSemaphore(HANDLE hSemaphore, LONG lReleaseCount, LPLONG lpPreviousCount) {
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto* semaphore =
        ::iisfake::win32::detail::as_object<::iisfake::win32::detail::SemaphoreObject>(
            ::iisfake::win32::detail::find_handle_locked(table, hSemaphore));
    if (!semaphore) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (lReleaseCount <= 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (lReleaseCount > semaphore->maximum - semaphore->count) {
        SetLastError(ERROR_TOO_MANY_POSTS);
        return FALSE;
    }
    if (lpPreviousCount) *lpPreviousCount = semaphore->count;
    semaphore->count += lReleaseCount;
    table.cv.notify_all();
    return TRUE;
}

// Wait-any returns WAIT_OBJECT_0 + the lowest signalled index; wait-all returns WAIT_OBJECT_0 once
// all are signalled together. Auto-reset events are reset by the wait they satisfy.
inline DWORD WINAPI WaitForMultipleObjects(DWORD nCount, const HANDLE* lpHandles, BOOL bWaitAll,
                                           DWORD dwMilliseconds) {
    using ::iisfake::win32::detail::KernelObject;
    if (nCount == 0 || nCount > MAXIMUM_WAIT_OBJECTS || lpHandles == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::unique_lock<std::mutex> lock(table.mutex);
    std::vector<std::shared_ptr<KernelObject>> objects;
    for (DWORD i = 0; i < nCount; ++i) {
        std::shared_ptr<KernelObject> object =
            ::iisfake::win32::detail::find_handle_locked(table, lpHandles[i]);
        if (!object || !object->waitable()) {
            SetLastError(ERROR_INVALID_HANDLE);
            return WAIT_FAILED;
        }
        for (const auto& earlier : objects) {
            if (bWaitAll && earlier == object) {
                SetLastError(ERROR_INVALID_PARAMETER);
                return WAIT_FAILED;
            }
        }
        objects.push_back(object);
    }
    DWORD result = WAIT_TIMEOUT;
    auto satisfied = [&]() -> bool {
        if (bWaitAll) {
            for (const auto& object : objects)
                if (!object->signaled()) return false;
            for (const auto& object : objects) object->acquired();
            result = WAIT_OBJECT_0;
            return true;
        }
        for (DWORD i = 0; i < nCount; ++i) {
            if (objects[i]->signaled()) {
                objects[i]->acquired();
                result = WAIT_OBJECT_0 + i;
                return true;
            }
        }
        return false;
    };
    if (dwMilliseconds == INFINITE) {
        while (!satisfied()) table.cv.wait(lock);
        return result;
    }
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(dwMilliseconds);
    while (!satisfied()) {
        if (table.cv.wait_until(lock, deadline) == std::cv_status::timeout)
            return satisfied() ? result : WAIT_TIMEOUT;
    }
    return result;
}
inline DWORD WINAPI WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds) {
    return WaitForMultipleObjects(1, &hHandle, TRUE, dwMilliseconds);
}
inline DWORD WINAPI WaitForSingleObjectEx(HANDLE hHandle, DWORD dwMilliseconds, BOOL bAlertable) {
    static_cast<void>(bAlertable);
    return WaitForSingleObject(hHandle, dwMilliseconds);
}
inline DWORD WINAPI WaitForMultipleObjectsEx(DWORD nCount, const HANDLE* lpHandles, BOOL bWaitAll,
                                             DWORD dwMilliseconds, BOOL bAlertable) {
    static_cast<void>(bAlertable);
    return WaitForMultipleObjects(nCount, lpHandles, bWaitAll, dwMilliseconds);
}

// A real thread (std::thread, detached; the handle keeps its result). GetCurrentThreadId inside
// it equals *lpThreadId. CREATE_SUSPENDED threads start at ResumeThread.
inline HANDLE WINAPI CreateThread(LPSECURITY_ATTRIBUTES lpThreadAttributes, SIZE_T dwStackSize,
                                  LPTHREAD_START_ROUTINE lpStartAddress, LPVOID lpParameter,
                                  DWORD dwCreationFlags, LPDWORD lpThreadId) {
    using ::iisfake::win32::detail::ThreadObject;
    static_cast<void>(lpThreadAttributes);
    static_cast<void>(dwStackSize);
    if (lpStartAddress == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    std::shared_ptr<ThreadObject> thread = std::make_shared<ThreadObject>();
    thread->id = ::iisfake::win32::detail::reserve_thread_id();
    thread->suspend_count = (dwCreationFlags & CREATE_SUSPENDED) ? 1u : 0u;
    const HANDLE handle = ::iisfake::win32::detail::insert_handle(thread);
    try {
        std::thread([thread, lpStartAddress, lpParameter] {
            ::iisfake::win32::detail::assign_thread_id(thread->id);
            ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
            {
                std::unique_lock<std::mutex> lock(table.mutex);
                while (thread->suspend_count > 0) table.cv.wait(lock);
            }
            const DWORD code = lpStartAddress(lpParameter);
            std::lock_guard<std::mutex> lock(table.mutex);
            thread->exit_code = code;
            thread->done = true;
            table.cv.notify_all();
        }).detach();
    } catch (const std::system_error&) {
        CloseHandle(handle);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    if (lpThreadId) *lpThreadId = thread->id;
    return handle;
}

// Returns the previous suspend count, or (DWORD)-1 with ERROR_INVALID_HANDLE.
inline DWORD WINAPI ResumeThread(HANDLE hThread) {
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto* thread = ::iisfake::win32::detail::as_object<::iisfake::win32::detail::ThreadObject>(
        ::iisfake::win32::detail::find_handle_locked(table, hThread));
    if (!thread) {
        SetLastError(ERROR_INVALID_HANDLE);
        return static_cast<DWORD>(-1);
    }
    const DWORD previous = thread->suspend_count;
    if (thread->suspend_count > 0 && --thread->suspend_count == 0) table.cv.notify_all();
    return previous;
}

// STILL_ACTIVE while the thread runs.
inline BOOL WINAPI GetExitCodeThread(HANDLE hThread, LPDWORD lpExitCode) {
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto* thread = ::iisfake::win32::detail::as_object<::iisfake::win32::detail::ThreadObject>(
        ::iisfake::win32::detail::find_handle_locked(table, hThread));
    if (!thread || lpExitCode == nullptr) {
        SetLastError(thread ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE);
        return FALSE;
    }
    *lpExitCode = thread->exit_code;
    return TRUE;
}

inline DWORD WINAPI GetThreadId(HANDLE Thread) {
    if (Thread == GetCurrentThread()) return GetCurrentThreadId();
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto* thread = ::iisfake::win32::detail::as_object<::iisfake::win32::detail::ThreadObject>(
        ::iisfake::win32::detail::find_handle_locked(table, Thread));
    if (!thread) {
        SetLastError(ERROR_INVALID_HANDLE);
        return 0;
    }
    return thread->id;
}

#if defined(UNICODE)
#define CreateEvent CreateEventW
#define CreateEventEx CreateEventExW
#define CreateMutex CreateMutexW
#define CreateSemaphore CreateSemaphoreW
#else
#define CreateEvent CreateEventA
#define CreateEventEx CreateEventExA
#define CreateMutex CreateMutexA
#define CreateSemaphore CreateSemaphoreA
#endif

#endif  // !_WIN32

#endif
