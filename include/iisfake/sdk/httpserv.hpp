#ifndef IISFAKE_SDK_HTTPSERV_HPP_INCLUDED
#define IISFAKE_SDK_HTTPSERV_HPP_INCLUDED

// The httpserv.h surface, with what it pulls in (ahadmin.h) and the IIS SDK headers modules
// include beside it (httptrace.h, httpcach.h, iiswebsocket.h): the Windows SDK's own headers
// where they exist (see config.hpp), iisfake's exact re-declarations everywhere else (Linux,
// mingw-w64).

#include "iisfake/config.hpp"
#include "iisfake/sdk/forward.hpp"
#include "iisfake/sdk/completion_info.hpp"
#include "iisfake/sdk/http_request.hpp"
#include "iisfake/sdk/providers.hpp"
#include "iisfake/sdk/module.hpp"
#include "iisfake/sdk/registration.hpp"
#include "iisfake/sdk/containers.hpp"
#include "iisfake/sdk/http_site.hpp"
#include "iisfake/sdk/http_connection.hpp"
#include "iisfake/sdk/http_user.hpp"
#include "iisfake/sdk/cache.hpp"
#include "iisfake/sdk/metadata.hpp"
#include "iisfake/sdk/trace.hpp"
#include "iisfake/sdk/http_response.hpp"
#include "iisfake/sdk/http_context.hpp"
#include "iisfake/sdk/http_server.hpp"
#include "iisfake/sdk/httpcach.hpp"
#include "iisfake/sdk/iiswebsocket.hpp"
#include "iisfake/sdk/uuid.hpp"

#endif
