// WindowHost: owns the main window and changes the interface language without a restart.
// Every string is translated where its widget is made, so a language change builds a new window in
// the new language and hands it the old one's work (the session: texts, results, model, compressor;
// the open tab, the session file, the geometry), then closes the old one.
#pragma once
#include <QObject>
#include <QPointer>

namespace xcomp::workbench {

class MainWindow;

class WindowHost : public QObject {
    Q_OBJECT
public:
    explicit WindowHost(QObject* parent = nullptr);
    ~WindowHost() override;

    MainWindow* window() const { return m_window; }

    // Installs `language` ("" = system default) and moves the work to a new window shown in it;
    // returns the language code installed.
    QString switchLanguage(const QString& language);

signals:
    void windowReplaced(xcomp::workbench::MainWindow* window);

private:
    void watch(MainWindow* window);
    QPointer<MainWindow> m_window;
};

}  // namespace xcomp::workbench
