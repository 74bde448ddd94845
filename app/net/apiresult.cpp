// SPDX-License-Identifier: MIT
#include "apiresult.h"

namespace tc {

QByteArray ApiResult::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace tc
