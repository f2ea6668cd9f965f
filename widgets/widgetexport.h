// widgets/widgetexport.h — one export for the small custom-drawn views (token evidence, chunk strip,
// head grid): by the path's suffix, the widget drawn as a PNG at twice its resolution, or its numbers
// as CSV or JSON; written atomically (writeFileAtomically).
#pragma once
#include <QByteArray>
#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <functional>

class QWidget;

namespace xcomp {

class WidgetExport {
    Q_DECLARE_TR_FUNCTIONS(xcomp::WidgetExport)
public:
    // .png: `widget` resized to `pngSize` for the drawing (then back), on white; .csv / .json: what
    // `csv` / `json` return. Any other suffix fails with a sentence in *error.
    static bool save(QWidget* widget, const QSize& pngSize, const std::function<QByteArray()>& csv,
                     const std::function<QByteArray()>& json, const QString& path, QString* error = nullptr);
    // "PNG image (*.png);;CSV table (*.csv);;JSON (*.json)"
    static QString fileDialogFilter();
};

}  // namespace xcomp
