#include "widgetexport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QWidget>

#include "atomicwrite.h"

namespace xcomp {

bool WidgetExport::save(QWidget* widget, const QSize& pngSize, const std::function<QByteArray()>& csv,
                        const std::function<QByteArray()>& json, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return writeFileAtomically(path, csv(), error);
    if (suffix == QLatin1String("json"))
        return writeFileAtomically(path, json(), error);
    if (suffix != QLatin1String("png")) {
        if (error)
            *error = tr("Unknown export format: %1 (use .png, .csv or .json)").arg(path);
        return false;
    }
    const QSize old = widget->size();
    widget->resize(pngSize);
    QImage image(pngSize * 2, QImage::Format_ARGB32);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    widget->render(&image);
    widget->resize(old);
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG")) {
            if (error)
                *error = tr("Cannot write %1").arg(path);
            return false;
        }
    }
    return writeFileAtomically(path, bytes, error);
}

QString WidgetExport::fileDialogFilter()
{
    return tr("PNG image (*.png);;CSV table (*.csv);;JSON (*.json)");
}

}  // namespace xcomp
