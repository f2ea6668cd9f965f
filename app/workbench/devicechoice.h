// app/workbench/devicechoice.h — the devices the engine runs on, as combo box items whose data is the
// device's name ("cpu", "cuda"). CUDA stays listed but disabled, with a tool tip saying why, where
// this build or machine has none.
#pragma once

class QComboBox;
class QString;

namespace xcomp::workbench {

void addDeviceItems(QComboBox* combo, const QString& cpuText, const QString& cudaText, const QString& noCudaTip);

}  // namespace xcomp::workbench
