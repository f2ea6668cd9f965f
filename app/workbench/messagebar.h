// app/workbench/messagebar.h — an inline banner above the results (in the spirit of
// KMessageWidget): errors stay until closed, information fades after a few seconds. Never modal,
// so an engine error never blocks the window (or a test).
#pragma once
#include <QWidget>

class QLabel;
class QTimer;
class QToolButton;

namespace xcomp::workbench {

class MessageBar : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text);
    void showError(const QString& text) { showMessage(Kind::Error, text); }
    void showWarning(const QString& text) { showMessage(Kind::Warning, text); }
    void showInformation(const QString& text) { showMessage(Kind::Information, text); }

    QString text() const;
    Kind kind() const { return m_kind; }
    bool isShowing() const { return !isHidden(); }

public slots:
    void dismiss();

signals:
    void messageShown(const QString& text);

private:
    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QToolButton* m_close = nullptr;
    QTimer* m_timer = nullptr;
    Kind m_kind = Kind::Information;
};

}  // namespace xcomp::workbench
