#include "devicechoice.h"

#include <QComboBox>
#include <QStandardItemModel>

#include "xcomp/runtime.h"

namespace xcomp::workbench {

void addDeviceItems(QComboBox* combo, const QString& cpuText, const QString& cudaText, const QString& noCudaTip)
{
    combo->addItem(cpuText, QStringLiteral("cpu"));
    combo->addItem(cudaText, QStringLiteral("cuda"));
    if (xcomp::cuda_available())
        return;
    if (auto* model = qobject_cast<QStandardItemModel*>(combo->model()))
        model->item(1)->setEnabled(false);
    combo->setItemData(1, noCudaTip, Qt::ToolTipRole);
}

}  // namespace xcomp::workbench
