// app/workbench/filecontroller.h — opening files: File > Open, Open Recent and files dropped on the
// window or named on the command line, by suffix (a session, a compressed prompt as an interpolation
// endpoint, a dataset for the Batch tab, else a plain text for the left side); the dialogs for
// datasets and endpoints.
#pragma once
#include <QObject>
#include <QString>

#include "pagecontext.h"

class QMainWindow;
class QWidget;

namespace xcomp::workbench {

class BatchPage;
class InterpolationPage;
class RecentFilesMenu;
class SessionController;

class FileController : public QObject {
    Q_OBJECT
public:
    FileController(QMainWindow* window, const PageContext& context, SessionController* session,
                   InterpolationPage* interpolation, BatchPage* batch, RecentFilesMenu* recent);

    bool openFile(const QString& path);
    bool loadTextFile(const QString& path);
    void openFileDialog();
    void openDatasetDialog();
    void loadEndpointDialog(int which);  // 0: A, 1: B

signals:
    void showRequested(QWidget* page);  // a file was opened in this tab: bring it to the front

protected:
    // Files dropped on the window are opened like File > Open.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QMainWindow* m_window = nullptr;
    PageContext m_context;
    SessionController* m_session = nullptr;
    InterpolationPage* m_interpolation = nullptr;
    BatchPage* m_batch = nullptr;
    RecentFilesMenu* m_recent = nullptr;
};

}  // namespace xcomp::workbench
