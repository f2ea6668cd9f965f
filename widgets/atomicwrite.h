// widgets/atomicwrite.h — the one way this project's GUI writes a whole file: through QSaveFile, so
// that a failed write leaves the file as it was, never truncated. The table and plot exports use it,
// and so do the workbench's session files.
#pragma once
#include <QByteArray>
#include <QString>

namespace xcomp {

// False on failure, with "Cannot write <path>: <reason>" in *error when given.
bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error);

}  // namespace xcomp
