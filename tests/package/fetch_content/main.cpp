// A user's test: the fake request, seen through the SDK interface only.
#include <iisfake/iisfake.hpp>

#include <cstdio>
#include <cstring>

bool IsGetRequest(IHttpRequest* pRequest);  // module.cpp, built against the drop-in headers

int main() {
    iisfake::FakeHttpRequest req;
    IHttpRequest* r = &req;

    PCSTR host = r->GetHeader("Host");
    if (host == nullptr || std::strcmp(host, "localhost") != 0) {
        std::fputs("FAIL: Host header of a default fake request is not \"localhost\"\n", stderr);
        return 1;
    }
    PCSTR method = r->GetHttpMethod();
    if (method == nullptr || std::strcmp(method, "GET") != 0) {
        std::fputs("FAIL: method of a default fake request is not GET\n", stderr);
        return 1;
    }
    if (!IsGetRequest(r)) {
        std::fputs("FAIL: the module does not see a GET request\n", stderr);
        return 1;
    }
    std::puts("ok");
    return 0;
}
