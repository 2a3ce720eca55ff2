#ifndef IISFAKE_OPTIONS_HPP_INCLUDED
#define IISFAKE_OPTIONS_HPP_INCLUDED

// The knobs for behaviour that IIS documents vaguely or not at all (rules tagged [I] in the
// specification). Each default is the recommended reading; tests that depend on the other
// reading say so by changing the knob.

#include <string>
#include <vector>

#include "iisfake/win_types.hpp"

IISFAKE_BEGIN_NAMESPACE

// How an asynchronous read (fAsync == TRUE with a non-NULL pfCompletionPending) completes.
enum class AsyncPolicy {
    always_pending,         // *pfCompletionPending = TRUE; the test completes it (default)
    always_inline,          // completes inside the call: *pfCompletionPending = FALSE
    alternate,              // pending, inline, pending, ... starting with pending
    scripted,               // per call, from Options::async_script (true = pending); once the
                            // script runs out, every further read goes pending
    complete_before_return  // pending, but the completion is delivered before the call returns,
                            // as a pool thread can do in IIS (past 8 nested deliveries, right
                            // after it returns, so the stack stays flat)
};

// How end of body shows in asynchronous mode (REQ-READ-6).
enum class AsyncEof {
    immediate,   // the call returns HRESULT_FROM_WIN32(ERROR_HANDLE_EOF) at once (default)
    completion   // the read goes pending and completes with that status and 0 bytes
};

struct Options {
    // REQ-SH-2: separator when SetHeader appends (fReplace == FALSE). IIS docs say "a comma".
    // CR, LF or NUL in it would inject headers: the fake throws std::invalid_argument.
    std::string append_separator = ", ";
    // REQ-INS-5: whether InsertEntityBody bytes count in GetRemainingEntityBytes.
    bool count_inserted_bytes = true;
    // REQ-REM-2: GetRemainingEntityBytes for a chunked body until its end is read.
    DWORD chunked_remaining = 0xFFFFFFFFu;
    // REQ-DH-2: DeleteHeader of a repeated unknown header removes every entry (else the first).
    bool delete_all_duplicates = true;
    // REQ-M-2: SetHttpMethod with a method that is not an HTTP token (a client's
    // X-HTTP-Method-Override can supply one). The documentation lists no error for it, so the
    // method is stored as given and S_OK returned; a failure HRESULT here makes the call fail.
    HRESULT non_token_method_result = S_OK;
    // REQ-CBT-2: GetChannelBindingToken when the request has no token.
    HRESULT missing_channel_binding_result = HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    // REQ-READ-6: end of body in asynchronous mode.
    AsyncEof async_eof = AsyncEof::immediate;
    // REQ-READ-5, T-10: which asynchronous reads complete inline.
    AsyncPolicy async_policy = AsyncPolicy::always_pending;
    std::vector<bool> async_script;    // for AsyncPolicy::scripted; exhausted => pending
    // REQ-READ-8, REQ-READ-11: allow a read while another is pending (IHttpContext3::
    // EnableFullDuplex, websockets). Without it a second read is reported as misuse.
    bool full_duplex = false;
    // T-2, REQ-GH-9: overwrite header values, URLs and arrays that IIS may free once replaced,
    // so module code holding a stale pointer reads "<stale>" instead of the old text.
    bool poison_replaced_values = false;
    // The ordered log of SDK calls (calls()); off saves time in benchmarks of module code.
    bool record_calls = true;
    // RESP-3, T-22: a response header set again with fReplace == FALSE. false (default): each
    // value is its own header line (the first in the known slot, the rest as entries of the
    // unknown array under the same name), so Set-Cookie survives; true: joined with
    // append_separator into one line, as the request does.
    bool join_response_values = false;
    // RESP-8, T-3: report a WriteEntityChunkByReference whose memory is neither request memory
    // (IHttpContext::AllocateRequestMemory) nor declared static (declare_static_memory): such
    // memory may be gone when IIS sends it.
    bool strict_request_memory = false;
    // IHttpCompletionInfo2::GetCompletedOperation for a read completion (1, as iisnode relies
    // on) and for any other completion (not published; 0).
    DWORD read_operation_code = 1;
    DWORD other_operation_code = 0;
};

IISFAKE_END_NAMESPACE

#endif
