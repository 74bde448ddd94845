// SPDX-License-Identifier: MIT
#include "ui/severityicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace tc::gui {
namespace {

QPixmap paintMark(Severity severity, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box(0.5, 0.5, size - 1.0, size - 1.0);
    QPainterPath shape;
    if (severity == Severity::Error) {
        shape.addEllipse(box);
        painter.fillPath(shape, QColor(0xc6, 0x28, 0x28));
    } else {
        shape.moveTo(box.center().x(), box.top());
        shape.lineTo(box.right(), box.bottom());
        shape.lineTo(box.left(), box.bottom());
        shape.closeSubpath();
        painter.fillPath(shape, QColor(0xe0, 0x9a, 0x00));
    }
    // The "!" drawn as two strokes, so it needs no font.
    const double x = size / 2.0;
    const double top = severity == Severity::Error ? size * 0.22 : size * 0.34;
    QPen pen(Qt::white, qMax(1.5, size / 8.0), Qt::SolidLine, Qt::RoundCap);
    painter.setPen(pen);
    painter.drawLine(QPointF(x, top), QPointF(x, size * 0.62));
    painter.drawPoint(QPointF(x, size * 0.80));
    return pixmap;
}

QIcon paintIcon(Severity severity)
{
    QIcon icon;
    for (int size : {16, 24, 32})
        icon.addPixmap(paintMark(severity, size));
    return icon;
}

} // namespace

QIcon severityIcon(Severity severity)
{
    static const QIcon error = paintIcon(Severity::Error);
    static const QIcon warning = paintIcon(Severity::Warning);
    return severity == Severity::Error ? error : warning;
}

} // namespace tc::gui
