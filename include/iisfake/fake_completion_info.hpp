#ifndef IISFAKE_FAKE_COMPLETION_INFO_HPP_INCLUDED
#define IISFAKE_FAKE_COMPLETION_INFO_HPP_INCLUDED

// FakeHttpCompletionInfo: the IHttpCompletionInfo2 handed to a completion (REQ-CI-*). Always
// the most-derived interface, because module code casts IHttpCompletionInfo* to
// IHttpCompletionInfo2* without asking (REQ-CI-4, T-1, T-23).

#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

// IHttpCompletionInfo2::GetCompletedOperation codes. Only 1 (a read) is known from public
// module code; other values are unpublished and default to 0 (see Options).
namespace completed_operation {
constexpr DWORD other = 0;
constexpr DWORD read = 1;
}  // namespace completed_operation

class FakeHttpCompletionInfo : public IHttpCompletionInfo2 {
public:
    FakeHttpCompletionInfo() = default;
    FakeHttpCompletionInfo(DWORD bytes, HRESULT status,
                           DWORD operation = completed_operation::read) noexcept
        : bytes_(bytes), status_(status), operation_(operation) {}
    FakeHttpCompletionInfo(const FakeHttpCompletionInfo&) = default;
    FakeHttpCompletionInfo& operator=(const FakeHttpCompletionInfo&) = default;
    virtual ~FakeHttpCompletionInfo() = default;

    DWORD GetCompletionBytes(VOID) const override { return bytes_; }
    HRESULT GetCompletionStatus(VOID) const override { return status_; }
    DWORD GetCompletedOperation(VOID) const override { return operation_; }

    // Test knobs.
    void set_bytes(DWORD bytes) noexcept { bytes_ = bytes; }
    void set_status(HRESULT status) noexcept { status_ = status; }
    void set_operation(DWORD operation) noexcept { operation_ = operation; }

private:
    DWORD bytes_ = 0;
    HRESULT status_ = S_OK;
    DWORD operation_ = completed_operation::other;
};

IISFAKE_END_NAMESPACE

#endif
