// app/workbench/screenshotrunner.h — `xcomp-workbench --screenshot DIR`: drives the window through
// a real run of every tab (regenerate with attention, compare, attention, interpolation with its
// curve, QA, batch on the sample dataset, help pane) and saves each as a PNG, for the README and
// for checking the layout. Works offscreen (QT_QPA_PLATFORM=offscreen).
#pragma once
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>

namespace xcomp::workbench {

class MainWindow;

class ScreenshotRunner {
public:
    struct Options {
        QString outDir;
        QString modelDir;            // empty: MainWindow::initialModelDir()
        QSize size{1500, 940};
        int stepTimeoutMs = 600000;  // per step
        bool allCompressorsInBatch = true;
        int batchLimit = 0;          // 0: the whole sample dataset
        // Texts: long (abstracts, for a real model), short (one sentence, for tiny test models
        // trained on a few dozen tokens) or automatic (short below 5 M parameters).
        enum class Texts { Automatic, Short, Long };
        Texts texts = Texts::Automatic;
        QString compressor;  // compressor of the Regenerate and Attention shots (empty: the first)
        QString mainText;    // text file of those shots (empty: an example chosen by `texts`)
    };

    // Returns 0 on success; on failure prints why to stderr and returns non-zero (the screenshots
    // taken so far are kept).
    static int run(MainWindow& window, const Options& options);
    // Processes events until `done` holds or the timeout passes.
    static bool waitFor(const std::function<bool()>& done, int timeoutMs);
    // Lets queued work (plot replots, layouts) settle for `ms`.
    static void settle(int ms = 300);
    // The files the last run() wrote.
    static QStringList writtenFiles();
};

}  // namespace xcomp::workbench
