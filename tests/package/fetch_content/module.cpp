// Module code as written for IIS: Windows and SDK headers, no iisfake names. Off Windows it
// compiles unchanged against the drop-in headers (iisfake::dropin).
#include <windows.h>
#include <httpserv.h>

#include <cstring>

bool IsGetRequest(IHttpRequest* pRequest);

bool IsGetRequest(IHttpRequest* pRequest) {
    PCSTR method = pRequest->GetHttpMethod();
    return method != nullptr && std::strcmp(method, "GET") == 0;
}
