// Spec T-19: the Win32 synchronisation surface module code uses off Windows: critical sections,
// SRW locks, condition variables, Interlocked, SLists, Sleep, events and threads.
#include <windows.h>  // as a module source does; the drop-in brings the part

#include <iisfake/win32.hpp>  // the state a test reads

#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

#include "catch.hpp"

namespace {

// Module-style statics: zero-initialised and usable without any initialisation call.
SRWLOCK g_srw = SRWLOCK_INIT;
CONDITION_VARIABLE g_cv = CONDITION_VARIABLE_INIT;

struct WorkItem {
    SLIST_ENTRY entry;  // first member, as module code lays it out
    int value;
};

}  // namespace

TEST_CASE("InitializeCriticalSection / EnterCriticalSection: recursive for the owner",
          "[win32][T-19]") {
    CRITICAL_SECTION cs;
    InitializeCriticalSection(&cs);
    CHECK(cs.RecursionCount == 0);
    EnterCriticalSection(&cs);
    EnterCriticalSection(&cs);
    CHECK(cs.RecursionCount == 2);
    CHECK(cs.OwningThread ==
          reinterpret_cast<HANDLE>(static_cast<ULONG_PTR>(GetCurrentThreadId())));
    CHECK(TryEnterCriticalSection(&cs) == TRUE);
    CHECK(cs.RecursionCount == 3);
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    CHECK(cs.RecursionCount == 0);
    CHECK(cs.OwningThread == nullptr);
    LeaveCriticalSection(&cs);  // not owned: ignored
    CHECK(cs.RecursionCount == 0);
    DeleteCriticalSection(&cs);

    CHECK(InitializeCriticalSectionAndSpinCount(&cs, 4000) == TRUE);
    CHECK(SetCriticalSectionSpinCount(&cs, 10) == 4000);
    DeleteCriticalSection(&cs);
    CHECK(InitializeCriticalSectionEx(&cs, 0, CRITICAL_SECTION_NO_DEBUG_INFO) == TRUE);
    DeleteCriticalSection(&cs);
}

TEST_CASE("TryEnterCriticalSection fails while another thread owns it", "[win32][T-19][threaded]") {
    CRITICAL_SECTION cs;
    InitializeCriticalSection(&cs);
    EnterCriticalSection(&cs);
    BOOL other = TRUE;
    std::thread([&] { other = TryEnterCriticalSection(&cs); }).join();
    CHECK(other == FALSE);
    LeaveCriticalSection(&cs);
    std::thread([&] {
        other = TryEnterCriticalSection(&cs);
        if (other) LeaveCriticalSection(&cs);
    }).join();
    CHECK(other == TRUE);
    DeleteCriticalSection(&cs);
}

TEST_CASE("EnterCriticalSection: mutual exclusion and recursion across 4 threads",
          "[win32][T-19][threaded]") {
    CRITICAL_SECTION cs;
    InitializeCriticalSectionAndSpinCount(&cs, 100);
    long counter = 0;  // plain: only the section protects it
    int inside = 0;
    bool overlapped = false;
    std::atomic<int> ready(0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            ++ready;
            while (ready.load() < 4) std::this_thread::yield();  // all contend from the start
            for (int i = 0; i < 2000; ++i) {
                EnterCriticalSection(&cs);
                if (++inside != 1) overlapped = true;
                if (i % 16 == 0) std::this_thread::yield();  // hold it across a reschedule
                EnterCriticalSection(&cs);                   // recursion
                ++counter;
                LeaveCriticalSection(&cs);
                --inside;
                LeaveCriticalSection(&cs);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(counter == 8000);
    CHECK_FALSE(overlapped);
    DeleteCriticalSection(&cs);
}

TEST_CASE("AcquireSRWLockExclusive / Shared: a static SRWLOCK_INIT works, readers share",
          "[win32][T-19]") {
    static SRWLOCK lock = SRWLOCK_INIT;
    AcquireSRWLockShared(&lock);
    CHECK(TryAcquireSRWLockShared(&lock) != 0);
    CHECK(TryAcquireSRWLockExclusive(&lock) == 0);
    ReleaseSRWLockShared(&lock);
    ReleaseSRWLockShared(&lock);
    CHECK(TryAcquireSRWLockExclusive(&lock) != 0);
    CHECK(TryAcquireSRWLockShared(&lock) == 0);
    ReleaseSRWLockExclusive(&lock);
    AcquireSRWLockExclusive(&lock);
    ReleaseSRWLockExclusive(&lock);
    CHECK(lock.Ptr == nullptr);

    SRWLOCK other;
    InitializeSRWLock(&other);
    CHECK(TryAcquireSRWLockExclusive(&other) != 0);
    ReleaseSRWLockExclusive(&other);
}

TEST_CASE("AcquireSRWLockExclusive: writers exclude readers and writers across threads",
          "[win32][T-19][threaded]") {
    long value = 0;
    std::atomic<bool> torn(false);
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) {
                AcquireSRWLockExclusive(&g_srw);
                value += 2;
                ReleaseSRWLockExclusive(&g_srw);
            }
        });
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) {
                AcquireSRWLockShared(&g_srw);
                if (value % 2 != 0) torn = true;
                ReleaseSRWLockShared(&g_srw);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(value == 4000);
    CHECK_FALSE(torn.load());
}

TEST_CASE("SleepConditionVariableCS: a timeout returns FALSE with ERROR_TIMEOUT", "[win32][T-19]") {
    CRITICAL_SECTION cs;
    InitializeCriticalSection(&cs);
    CONDITION_VARIABLE cv;
    InitializeConditionVariable(&cv);
    EnterCriticalSection(&cs);
    EnterCriticalSection(&cs);
    SetLastError(0);
    CHECK(SleepConditionVariableCS(&cv, &cs, 10) == FALSE);
    CHECK(GetLastError() == ERROR_TIMEOUT);
    CHECK(cs.RecursionCount == 2);  // entered again at the same depth
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    SetLastError(0);
    CHECK(SleepConditionVariableCS(&cv, &cs, 0) == FALSE);  // not owned
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    DeleteCriticalSection(&cs);
}

TEST_CASE("SleepConditionVariableCS / WakeConditionVariable: a producer and a consumer",
          "[win32][T-19][threaded]") {
    CRITICAL_SECTION cs;
    InitializeCriticalSection(&cs);
    CONDITION_VARIABLE cv;
    InitializeConditionVariable(&cv);
    int produced = 0;
    int consumed = 0;
    std::thread consumer([&] {
        EnterCriticalSection(&cs);
        while (consumed < 100) {
            while (produced == consumed) SleepConditionVariableCS(&cv, &cs, INFINITE);
            ++consumed;
            WakeConditionVariable(&cv);
        }
        LeaveCriticalSection(&cs);
    });
    EnterCriticalSection(&cs);
    while (produced < 100) {
        while (produced != consumed) SleepConditionVariableCS(&cv, &cs, INFINITE);
        ++produced;
        WakeConditionVariable(&cv);
    }
    LeaveCriticalSection(&cs);
    consumer.join();
    CHECK(consumed == 100);
    DeleteCriticalSection(&cs);
}

TEST_CASE("SleepConditionVariableSRW / WakeAllConditionVariable: static CONDITION_VARIABLE_INIT",
          "[win32][T-19][threaded]") {
    bool go = false;
    std::atomic<int> woken(0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
        threads.emplace_back([&] {
            AcquireSRWLockShared(&g_srw);
            while (!go)
                SleepConditionVariableSRW(&g_cv, &g_srw, INFINITE,
                                          CONDITION_VARIABLE_LOCKMODE_SHARED);
            ReleaseSRWLockShared(&g_srw);
            ++woken;
        });
    }
    AcquireSRWLockExclusive(&g_srw);
    go = true;
    ReleaseSRWLockExclusive(&g_srw);
    WakeAllConditionVariable(&g_cv);
    for (auto& thread : threads) thread.join();
    CHECK(woken.load() == 3);

    AcquireSRWLockExclusive(&g_srw);
    SetLastError(0);
    CHECK(SleepConditionVariableSRW(&g_cv, &g_srw, 5, 0) == FALSE);
    CHECK(GetLastError() == ERROR_TIMEOUT);
    CHECK(TryAcquireSRWLockShared(&g_srw) == 0);  // held exclusive again
    ReleaseSRWLockExclusive(&g_srw);
}

TEST_CASE("InterlockedIncrement and friends: LONG, long, unsigned, 64-bit, pointers",
          "[win32][T-19]") {
    LONG l = 5;
    CHECK(InterlockedIncrement(&l) == 6);
    CHECK(InterlockedDecrement(&l) == 5);
    CHECK(InterlockedExchange(&l, 9) == 5);
    CHECK(InterlockedExchangeAdd(&l, 3) == 9);
    CHECK(l == 12);
    CHECK(InterlockedAdd(&l, 3) == 15);
    CHECK(InterlockedCompareExchange(&l, 1, 0) == 15);  // no match: unchanged
    CHECK(l == 15);
    CHECK(InterlockedCompareExchange(&l, 1, 15) == 15);
    CHECK(l == 1);
    CHECK(InterlockedOr(&l, 6) == 1);
    CHECK(InterlockedAnd(&l, 3) == 7);
    CHECK(InterlockedXor(&l, 1) == 3);
    CHECK(l == 2);

    volatile long refs = 0;  // 64-bit here; module code declares its counts so
    CHECK(InterlockedIncrement(&refs) == 1);
    CHECK(InterlockedExchangeAdd(&refs, 0x100000000L) == 1);
    const long refs_now = refs;
    CHECK(refs_now == 0x100000001L);
    CHECK(InterlockedDecrement(&refs) == 0x100000000L);

    DWORD dw = 0xFFFFFFFFu;
    CHECK(InterlockedIncrement(&dw) == 0u);  // wraps like DWORD
    unsigned long ul = 3;
    CHECK(InterlockedCompareExchange(&ul, 4ul, 3ul) == 3ul);
    CHECK(ul == 4ul);

    LONG64 big = 0x7FFFFFFF;
    CHECK(InterlockedIncrement64(&big) == 0x80000000LL);
    CHECK(InterlockedExchange64(&big, -1) == 0x80000000LL);
    CHECK(InterlockedCompareExchange64(&big, 7, -1) == -1);
    CHECK(InterlockedExchangeAdd64(&big, 3) == 7);
    CHECK(InterlockedAnd64(&big, 8) == 10);
    CHECK(InterlockedOr64(&big, 1) == 8);
    CHECK(InterlockedXor64(&big, 9) == 9);
    CHECK(InterlockedDecrement64(&big) == -1);
    long long ll = 1;
    CHECK(InterlockedAdd64(&ll, 1) == 2);
    LONGLONG longlong = 0;
    CHECK(InterlockedIncrement64(&longlong) == 1);
    SHORT s = 1;
    CHECK(InterlockedIncrement16(&s) == 2);
    CHECK(InterlockedCompareExchange16(&s, 5, 2) == 2);
    CHECK(s == 5);

    int a = 0;
    int b = 0;
    PVOID slot = nullptr;
    CHECK(InterlockedCompareExchangePointer(&slot, &a, NULL) == nullptr);
    CHECK(slot == &a);
    CHECK(InterlockedCompareExchangePointer(&slot, &b, nullptr) == &a);  // no match
    CHECK(InterlockedExchangePointer(&slot, &b) == &a);
    CHECK(InterlockedExchangePointer(&slot, NULL) == &b);
    CHECK(slot == nullptr);
    MemoryBarrier();
}

TEST_CASE("InterlockedIncrement: no lost updates on LONG and long from 4 threads",
          "[win32][T-19][threaded]") {
    volatile LONG shared32 = 0;
    volatile long shared64 = 0;
    LONG64 shared_add = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 10000; ++i) {
                InterlockedIncrement(&shared32);
                InterlockedDecrement(&shared64);
                InterlockedExchangeAdd64(&shared_add, 2);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    const LONG total32 = shared32;
    const long total64 = shared64;
    CHECK(total32 == 40000);
    CHECK(total64 == -40000);
    CHECK(shared_add == 80000);
}

TEST_CASE("InterlockedPushEntrySList / InterlockedPopEntrySList: LIFO, depth, flush",
          "[win32][T-19]") {
    SLIST_HEADER head;
    InitializeSListHead(&head);
    CHECK(QueryDepthSList(&head) == 0);
    CHECK(InterlockedPopEntrySList(&head) == nullptr);
    WorkItem items[3] = {{{nullptr}, 1}, {{nullptr}, 2}, {{nullptr}, 3}};
    CHECK(InterlockedPushEntrySList(&head, &items[0].entry) == nullptr);
    CHECK(InterlockedPushEntrySList(&head, &items[1].entry) == &items[0].entry);
    CHECK(InterlockedPushEntrySList(&head, &items[2].entry) == &items[1].entry);
    CHECK(QueryDepthSList(&head) == 3);
    CHECK(RtlFirstEntrySList(&head) == &items[2].entry);
    PSLIST_ENTRY popped = InterlockedPopEntrySList(&head);
    REQUIRE(popped != nullptr);
    CHECK(CONTAINING_RECORD(popped, WorkItem, entry) == &items[2]);
    CHECK(CONTAINING_RECORD(&items[1].value, WorkItem, value) == &items[1]);
    const WorkItem& constant = items[0];
    CHECK(CONTAINING_RECORD(&constant.value, WorkItem, value) == &items[0]);
    CHECK(FIELD_OFFSET(WorkItem, entry) == 0);
    CHECK(QueryDepthSList(&head) == 2);
    PSLIST_ENTRY all = InterlockedFlushSList(&head);
    CHECK(all == &items[1].entry);
    CHECK(all->Next == &items[0].entry);
    CHECK(all->Next->Next == nullptr);
    CHECK(QueryDepthSList(&head) == 0);
    CHECK(InterlockedPopEntrySList(&head) == nullptr);
    CHECK(InterlockedFlushSList(&head) == nullptr);
}

TEST_CASE("InterlockedPushEntrySList: 4 threads pushing and popping lose nothing",
          "[win32][T-19][threaded]") {
    SLIST_HEADER head;
    InitializeSListHead(&head);
    const int per_thread = 500;
    std::vector<WorkItem> items(4 * per_thread);
    for (std::size_t i = 0; i < items.size(); ++i) items[i].value = static_cast<int>(i);
    std::vector<std::vector<int>> seen(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < per_thread; ++i) {
                InterlockedPushEntrySList(
                    &head, &items[static_cast<std::size_t>(t * per_thread + i)].entry);
                if (i % 2 == 1) {
                    PSLIST_ENTRY entry = InterlockedPopEntrySList(&head);
                    if (entry)
                        seen[static_cast<std::size_t>(t)].push_back(
                            reinterpret_cast<WorkItem*>(entry)->value);
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    std::multiset<int> values;
    for (const auto& list : seen) values.insert(list.begin(), list.end());
    CHECK(values.size() + QueryDepthSList(&head) == items.size());
    while (PSLIST_ENTRY entry = InterlockedPopEntrySList(&head))
        values.insert(reinterpret_cast<WorkItem*>(entry)->value);
    CHECK(values.size() == items.size());
    CHECK(std::set<int>(values.begin(), values.end()).size() == items.size());
}

TEST_CASE("Sleep: a frozen clock advances instead of waiting", "[win32][T-19]") {
    iisfake::win32::clock().freeze();
    const ULONGLONG before = GetTickCount64();
    const auto real_before = std::chrono::steady_clock::now();
    Sleep(60000);
    CHECK(SleepEx(1000, TRUE) == 0);
    CHECK(GetTickCount64() - before == 61000);
    CHECK(std::chrono::steady_clock::now() - real_before < std::chrono::seconds(5));
    iisfake::win32::clock().reset();
    const auto start = std::chrono::steady_clock::now();
    Sleep(20);
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(20));
    Sleep(0);
    CHECK(SwitchToThread() == TRUE);
}

TEST_CASE("CreateEventW / SetEvent / ResetEvent / WaitForSingleObject", "[win32][T-19]") {
    HANDLE manual = CreateEventW(NULL, TRUE, FALSE, NULL);
    REQUIRE(manual != nullptr);
    CHECK(WaitForSingleObject(manual, 0) == WAIT_TIMEOUT);
    CHECK(SetEvent(manual) == TRUE);
    CHECK(WaitForSingleObject(manual, 0) == WAIT_OBJECT_0);
    CHECK(WaitForSingleObject(manual, INFINITE) == WAIT_OBJECT_0);  // stays set
    CHECK(ResetEvent(manual) == TRUE);
    CHECK(WaitForSingleObject(manual, 5) == WAIT_TIMEOUT);

    HANDLE automatic = CreateEventA(NULL, FALSE, TRUE, NULL);
    CHECK(WaitForSingleObject(automatic, 0) == WAIT_OBJECT_0);
    CHECK(WaitForSingleObject(automatic, 0) == WAIT_TIMEOUT);  // reset by the wait

    HANDLE both[2] = {manual, automatic};
    CHECK(WaitForMultipleObjects(2, both, FALSE, 0) == WAIT_TIMEOUT);
    SetEvent(automatic);
    CHECK(WaitForMultipleObjects(2, both, FALSE, 0) == WAIT_OBJECT_0 + 1);
    SetEvent(automatic);
    CHECK(WaitForMultipleObjects(2, both, TRUE, 0) == WAIT_TIMEOUT);  // manual still reset
    CHECK(WaitForSingleObject(automatic, 0) == WAIT_OBJECT_0);  // and the failed wait-all left it
    SetEvent(manual);
    SetEvent(automatic);
    CHECK(WaitForMultipleObjects(2, both, TRUE, 0) == WAIT_OBJECT_0);
    CHECK(WaitForSingleObject(automatic, 0) == WAIT_TIMEOUT);
    HANDLE same[2] = {manual, manual};
    SetLastError(0);
    CHECK(WaitForMultipleObjects(2, same, TRUE, 0) == WAIT_FAILED);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    CHECK(WaitForMultipleObjects(0, both, FALSE, 0) == WAIT_FAILED);

    HANDLE named = CreateEventW(NULL, TRUE, FALSE, L"Local\\iisfake-test");
    CHECK(GetLastError() == ERROR_SUCCESS);
    HANDLE again = CreateEventW(NULL, TRUE, FALSE, L"Local\\iisfake-test");
    CHECK(GetLastError() == ERROR_ALREADY_EXISTS);
    SetEvent(named);
    CHECK(WaitForSingleObject(again, 0) == WAIT_OBJECT_0);  // the same event

    const std::size_t open = iisfake::win32::open_handle_count();
    CHECK(CloseHandle(manual) == TRUE);
    CHECK(CloseHandle(automatic) == TRUE);
    CHECK(CloseHandle(named) == TRUE);
    CHECK(CloseHandle(again) == TRUE);
    CHECK(iisfake::win32::open_handle_count() == open - 4);
    SetLastError(0);
    CHECK(CloseHandle(manual) == FALSE);
    CHECK(GetLastError() == ERROR_INVALID_HANDLE);
    SetLastError(0);
    CHECK(SetEvent(manual) == FALSE);
    CHECK(GetLastError() == ERROR_INVALID_HANDLE);
    SetLastError(0);
    CHECK(WaitForSingleObject(manual, 0) == WAIT_FAILED);
    CHECK(GetLastError() == ERROR_INVALID_HANDLE);
    CHECK(CloseHandle(NULL) == FALSE);
    CHECK(CloseHandle(GetCurrentProcess()) == TRUE);
    CHECK(CloseHandle(GetCurrentThread()) == TRUE);
}

namespace {

struct ThreadArgs {
    HANDLE start;
    DWORD seen_id;
    LONG volatile* counter;
};

DWORD WINAPI ThreadProc(LPVOID lpParameter) {
    ThreadArgs* args = static_cast<ThreadArgs*>(lpParameter);
    WaitForSingleObject(args->start, INFINITE);
    InterlockedExchange(&args->seen_id, GetCurrentThreadId());  // several threads share args
    InterlockedIncrement(args->counter);
    return 42;
}

}  // namespace

TEST_CASE("CreateThread / WaitForSingleObject / GetExitCodeThread", "[win32][T-19][threaded]") {
    LONG volatile counter = 0;
    ThreadArgs args = {CreateEventW(NULL, TRUE, FALSE, NULL), 0, &counter};
    DWORD id = 0;
    HANDLE thread = CreateThread(NULL, 0, ThreadProc, &args, 0, &id);
    REQUIRE(thread != nullptr);
    CHECK(id != 0);
    CHECK(id != GetCurrentThreadId());
    DWORD code = 0;
    CHECK(GetExitCodeThread(thread, &code) == TRUE);
    CHECK(code == STILL_ACTIVE);
    CHECK(WaitForSingleObject(thread, 10) == WAIT_TIMEOUT);
    SetEvent(args.start);
    CHECK(WaitForSingleObject(thread, INFINITE) == WAIT_OBJECT_0);
    CHECK(GetExitCodeThread(thread, &code) == TRUE);
    CHECK(code == 42);
    CHECK(args.seen_id == id);
    CHECK(GetThreadId(thread) == id);
    LONG count = counter;
    CHECK(count == 1);
    CHECK(CloseHandle(thread) == TRUE);
    SetLastError(0);
    CHECK(GetExitCodeThread(thread, &code) == FALSE);
    CHECK(GetLastError() == ERROR_INVALID_HANDLE);

    // Suspended threads start at ResumeThread; wait for all of several.
    ResetEvent(args.start);
    HANDLE threads[3];
    for (auto& t : threads) t = CreateThread(NULL, 0, ThreadProc, &args, CREATE_SUSPENDED, NULL);
    SetEvent(args.start);
    CHECK(WaitForMultipleObjects(3, threads, TRUE, 20) == WAIT_TIMEOUT);
    for (auto& t : threads) CHECK(ResumeThread(t) == 1);
    CHECK(WaitForMultipleObjects(3, threads, TRUE, INFINITE) == WAIT_OBJECT_0);
    count = counter;
    CHECK(count == 4);
    for (auto& t : threads) CloseHandle(t);
    CloseHandle(args.start);

    SetLastError(0);
    CHECK(CreateThread(NULL, 0, NULL, NULL, 0, NULL) == nullptr);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
}

TEST_CASE("CreateMutexW / ReleaseMutex / CreateSemaphoreW / ReleaseSemaphore",
          "[win32][T-19][threaded]") {
    HANDLE mutex = CreateMutexW(NULL, TRUE, NULL);
    REQUIRE(mutex != nullptr);
    CHECK(WaitForSingleObject(mutex, 0) == WAIT_OBJECT_0);  // recursive for the owner
    DWORD other = 0;
    std::thread([&] { other = WaitForSingleObject(mutex, 0); }).join();
    CHECK(other == WAIT_TIMEOUT);
    CHECK(ReleaseMutex(mutex) == TRUE);
    CHECK(ReleaseMutex(mutex) == TRUE);
    SetLastError(0);
    CHECK(ReleaseMutex(mutex) == FALSE);
    CHECK(GetLastError() == ERROR_NOT_OWNER);
    BOOL released_by_other = TRUE;
    std::thread([&] {
        other = WaitForSingleObject(mutex, INFINITE);
        released_by_other = ReleaseMutex(mutex);
    }).join();
    CHECK(other == WAIT_OBJECT_0);
    CHECK(released_by_other == TRUE);
    CHECK(CloseHandle(mutex) == TRUE);

    HANDLE semaphore = CreateSemaphoreW(NULL, 1, 2, NULL);
    REQUIRE(semaphore != nullptr);
    CHECK(WaitForSingleObject(semaphore, 0) == WAIT_OBJECT_0);
    CHECK(WaitForSingleObject(semaphore, 0) == WAIT_TIMEOUT);
    LONG previous = -1;
    CHECK(ReleaseSemaphore(semaphore, 2, &previous) == TRUE);
    CHECK(previous == 0);
    SetLastError(0);
    CHECK(ReleaseSemaphore(semaphore, 1, &previous) == FALSE);
    CHECK(GetLastError() == ERROR_TOO_MANY_POSTS);
    std::thread([&] { other = WaitForSingleObject(semaphore, INFINITE); }).join();
    CHECK(other == WAIT_OBJECT_0);
    CHECK(WaitForSingleObject(semaphore, 0) == WAIT_OBJECT_0);
    CHECK(WaitForSingleObject(semaphore, 0) == WAIT_TIMEOUT);
    CHECK(CloseHandle(semaphore) == TRUE);
    SetLastError(0);
    CHECK(CreateSemaphoreW(NULL, 3, 2, NULL) == nullptr);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
}
