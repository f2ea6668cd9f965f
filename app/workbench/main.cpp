// xcomp-workbench: the Qt desktop application (see app/workbench/mainwindow.h and docs/WORKBENCH.md).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

#include "enginetypes.h"
#include "mainwindow.h"
#include "preferences.h"
#include "reportconvert.h"
#include "screenshotrunner.h"
#include "translationmanager.h"
#include "xcomp/runtime.h"

using namespace xcomp::workbench;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("xcomp"));
    QApplication::setApplicationName(QStringLiteral("xcomp-workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("xcomp Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(XCOMP_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/xcomp.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Soft prompt compression workbench (500xCompressor, AOC)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption modelOption(QStringLiteral("model"), QStringLiteral("Model folder to open."),
                                         QStringLiteral("dir"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language: en, de or zh_CN."),
                                        QStringLiteral("code"));
    const QCommandLineOption deviceOption(QStringLiteral("device"), QStringLiteral("cpu or cuda."),
                                          QStringLiteral("device"));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Run every tab once and save PNGs into <dir>, then quit."),
                                        QStringLiteral("dir"));
    const QCommandLineOption batchLimitOption(QStringLiteral("screenshot-batch-limit"),
                                              QStringLiteral("Screenshot mode: examples of the sample dataset to run (0: all)."),
                                              QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption textsOption(QStringLiteral("screenshot-texts"),
                                         QStringLiteral("Screenshot mode: short, long or auto (short for tiny models)."),
                                         QStringLiteral("kind"), QStringLiteral("auto"));
    const QCommandLineOption shotCompressorOption(QStringLiteral("screenshot-compressor"),
                                                  QStringLiteral("Screenshot mode: compressor of the Regenerate shot."),
                                                  QStringLiteral("id"));
    const QCommandLineOption shotTextOption(QStringLiteral("screenshot-text"),
                                            QStringLiteral("Screenshot mode: text file of the Regenerate shot."),
                                            QStringLiteral("file"));
    parser.addOptions({modelOption, langOption, deviceOption, shotOption, batchLimitOption, textsOption,
                       shotCompressorOption, shotTextOption});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Texts, sessions, .xcp or .jsonl files to open."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    // The screenshot mode must neither read nor change the user's settings.
    std::unique_ptr<QTemporaryDir> settingsDir;
    const bool screenshot = parser.isSet(shotOption);
    if (screenshot) {
        settingsDir = std::make_unique<QTemporaryDir>();
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir->path());
    }
    if (parser.isSet(deviceOption))
        Preferences::setDevice(parser.value(deviceOption));

    TranslationManager::install(parser.isSet(langOption) ? parser.value(langOption) : Preferences::language());
    xcomp::init_runtime(Preferences::threads());
    registerEngineTypes();

    MainWindow window;
    const QString modelDir = parser.isSet(modelOption) ? parser.value(modelOption) : MainWindow::initialModelDir();
    if (screenshot) {
        ScreenshotRunner::Options options;
        options.outDir = parser.value(shotOption);
        options.modelDir = modelDir;
        options.batchLimit = parser.value(batchLimitOption).toInt();
        const QString texts = parser.value(textsOption);
        options.texts = texts == QLatin1String("short")  ? ScreenshotRunner::Options::Texts::Short
                        : texts == QLatin1String("long") ? ScreenshotRunner::Options::Texts::Long
                                                         : ScreenshotRunner::Options::Texts::Automatic;
        options.compressor = parser.value(shotCompressorOption);
        options.mainText = parser.value(shotTextOption);
        return ScreenshotRunner::run(window, options);
    }
    window.show();
    window.openModelFolder(modelDir);
    for (const QString& file : parser.positionalArguments())
        window.openFile(file);
    return app.exec();
}
