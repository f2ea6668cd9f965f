#include "enginetypes.h"

namespace xcomp::workbench {

void registerEngineTypes()
{
    qRegisterMetaType<CompressorEntry>("xcomp::workbench::CompressorEntry");
    qRegisterMetaType<ModelEntry>("xcomp::workbench::ModelEntry");
    qRegisterMetaType<RegenerationResult>("xcomp::workbench::RegenerationResult");
    qRegisterMetaType<QaResult>("xcomp::workbench::QaResult");
    qRegisterMetaType<SlotEntry>("xcomp::workbench::SlotEntry");
    qRegisterMetaType<InterpolationResult>("xcomp::workbench::InterpolationResult");
    qRegisterMetaType<BatchExample>("xcomp::workbench::BatchExample");
    qRegisterMetaType<QVector<BatchExample>>("QVector<xcomp::workbench::BatchExample>");
    qRegisterMetaType<BatchRowResult>("xcomp::workbench::BatchRowResult");
    qRegisterMetaType<AblationResult>("xcomp::workbench::AblationResult");
    qRegisterMetaType<view::DiffData>("xcomp::view::DiffData");
    qRegisterMetaType<view::RegenerationView>("xcomp::view::RegenerationView");
    qRegisterMetaType<view::AttentionData>("xcomp::view::AttentionData");
    qRegisterMetaType<view::InterpolationPoint>("xcomp::view::InterpolationPoint");
    qRegisterMetaType<QVector<view::InterpolationPoint>>("QVector<xcomp::view::InterpolationPoint>");
    qRegisterMetaType<view::EvalRow>("xcomp::view::EvalRow");
}

}  // namespace xcomp::workbench
