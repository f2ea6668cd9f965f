// xcomp-workbench: the Qt desktop application (see app/workbench/mainwindow.h and docs/WORKBENCH.md).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QIcon>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

#include <memory>

#include "engineclient.h"
#include "enginetypes.h"
#include "mainwindow.h"
#include "preferences.h"
#include "reportconvert.h"
#include "screenshotrunner.h"
#include "translationmanager.h"
#include "windowhost.h"
#include "xcomp/runtime.h"

using namespace xcomp::workbench;

int main(int argc, char** argv)
{
    QElapsedTimer sinceMain;  // the start-up probe's clock; xcomp bench also times the whole process
    sinceMain.start();
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
    const QCommandLineOption shotSizeOption(QStringLiteral("screenshot-size"),
                                            QStringLiteral("Screenshot mode: window size WxH (default 1500x940)."),
                                            QStringLiteral("WxH"));
    const QCommandLineOption probeOption(QStringLiteral("startup-probe"),
                                         QStringLiteral("Print \"ready <ms>\" once the window is shown with the model "
                                                        "loaded, then quit (xcomp bench's start-up row)."));
    parser.addOptions({modelOption, langOption, deviceOption, shotOption, batchLimitOption, textsOption,
                       shotCompressorOption, shotTextOption, shotSizeOption, probeOption});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Texts, sessions, .xcp or .jsonl files to open."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    // The screenshot mode and the start-up probe must neither read nor change the user's settings.
    std::unique_ptr<QTemporaryDir> settingsDir;
    const bool screenshot = parser.isSet(shotOption);
    const bool probe = parser.isSet(probeOption);
    if (screenshot || probe) {
        settingsDir = std::make_unique<QTemporaryDir>();
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir->path());
    }
    if (parser.isSet(deviceOption))
        Preferences::setDevice(parser.value(deviceOption));

    TranslationManager::install(parser.isSet(langOption) ? parser.value(langOption) : Preferences::language());
    xcomp::init_runtime(Preferences::threads());
    registerEngineTypes();

    WindowHost host;  // owns the window; rebuilds it when the language changes
    MainWindow& window = *host.window();
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
        const QStringList size = parser.value(shotSizeOption).split(QLatin1Char('x'));
        if (size.size() == 2 && size[0].toInt() > 0 && size[1].toInt() > 0)
            options.size = QSize(size[0].toInt(), size[1].toInt());
        return ScreenshotRunner::run(window, options);
    }
    if (probe) {
        QObject::connect(&window, &MainWindow::modelReady, &app, [&] {
            std::printf("ready %lld\n", static_cast<long long>(sinceMain.elapsed()));
            std::fflush(stdout);
            QTimer::singleShot(0, &app, &QApplication::quit);
        });
        QObject::connect(window.engine(), &EngineClient::modelFailed, &app, [](const QString& message) {
            std::fprintf(stderr, "xcomp-workbench: %s\n", qPrintable(message));
            QApplication::exit(2);
        });
        QTimer::singleShot(120000, &app, [] {
            std::fprintf(stderr, "xcomp-workbench: the model did not load within 120 s\n");
            QApplication::exit(2);
        });
    }
    window.show();
    window.openModelFolder(modelDir);
    const QStringList files = parser.positionalArguments();
    const QString lastSession = probe ? QString() : Preferences::sessionToRestore();
    if (!files.isEmpty()) {
        for (const QString& file : files)
            window.openFile(file);
    } else if (lastSession.isEmpty() || !window.openFile(lastSession)) {
        window.offerStarterExample();  // a newcomer finds a text ready to compress
    }
    return app.exec();
}
