#ifndef IISFAKE_IISFAKE_HPP_INCLUDED
#define IISFAKE_IISFAKE_HPP_INCLUDED

// iisfake: the IIS native-module API (httpserv.h) re-declared, with stateful fakes that behave
// like IIS, for unit tests off-server. Include this header; the test files that run a whole
// module through the pipeline also include <iisfake/module_host.hpp> (the host, the server, the
// configuration), which the others need not parse.

#include "iisfake/version.hpp"
#include "iisfake/config.hpp"
#include "iisfake/win_types.hpp"
#include "iisfake/com_types.hpp"
#include "iisfake/http_types.hpp"
#include "iisfake/header_names.hpp"
#include "iisfake/sdk/httpserv.hpp"
#include "iisfake/win32/debug.hpp"
#include "iisfake/debug_log.hpp"
#include "iisfake/misuse.hpp"
#include "iisfake/options.hpp"
#include "iisfake/call_log.hpp"
#include "iisfake/fake_completion_info.hpp"
#include "iisfake/request_builder.hpp"
#include "iisfake/fake_http_request.hpp"
#include "iisfake/fake_http_response.hpp"
#include "iisfake/fake_http_context.hpp"

#endif

// Outside the guard, so a later include with the macro defined still brings threads in. The
// implementation file of a separately compiled suite instantiates deliver_on_thread, so it
// brings them in too.
#if defined(IISFAKE_CONFIG_THREADED_DELIVERY) || defined(IISFAKE_CONFIG_IMPLEMENT)
#include "iisfake/threaded_delivery.hpp"
#endif
