#include "atomicwrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace xcomp {

bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = QCoreApplication::translate("xcomp::AtomicWrite", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
    return false;  // QSaveFile drops what it wrote when it is not committed
}

}  // namespace xcomp
