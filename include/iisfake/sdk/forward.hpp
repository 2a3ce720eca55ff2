#ifndef IISFAKE_SDK_FORWARD_HPP_INCLUDED
#define IISFAKE_SDK_FORWARD_HPP_INCLUDED

// The small declarations of httpserv.h that its interfaces refer to before defining them.

#include "iisfake/http_types.hpp"

class IHttpContext3;
class IHttpCompletionInfo2;

enum REQUEST_NOTIFICATION_STATUS : int {
    RQ_NOTIFICATION_CONTINUE,
    RQ_NOTIFICATION_PENDING,
    RQ_NOTIFICATION_FINISH_REQUEST
};

typedef REQUEST_NOTIFICATION_STATUS(WINAPI* PFN_ASYNC_COMPLETION)(
    IHttpContext3* pHttpContext, IHttpCompletionInfo2* pCompletionInfo, VOID* pvCompletionContext);

#endif
