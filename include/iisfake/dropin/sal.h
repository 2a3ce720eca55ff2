// Drop-in <sal.h> for building unmodified IIS module sources off Windows: the same declarations
// as the drop-in <httpserv.h> (link iisfake::dropin). Never used for a Windows target.
#ifndef IISFAKE_DROPIN_SAL_H_INCLUDED
#define IISFAKE_DROPIN_SAL_H_INCLUDED

#include "httpserv.h"

#endif
