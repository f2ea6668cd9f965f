// widgets/exportbutton.h — the "Export" button every view carries, like the Batch tab's: a menu of
// exports, each asking for a file (or a folder) in the last export folder, then writing it. What
// an export wrote is announced by exported(), which the application turns into a message and a
// remembered folder. exportTo() runs an entry without a dialog (tests, scripts).
#pragma once
#include <QString>
#include <QStringList>
#include <QToolButton>
#include <QVector>

#include <functional>

namespace xcomp {

class ExportButton : public QToolButton {
    Q_OBJECT
public:
    // Writes one file at `path`; false with a message in *error on failure.
    using FileWriter = std::function<bool(const QString& path, QString* error)>;
    // Writes into the folder `dir`; returns the files written (empty with *error on failure).
    using FolderWriter = std::function<QStringList(const QString& dir, QString* error)>;

    explicit ExportButton(QWidget* parent = nullptr);

    // An entry `key` ("diff-html"): menu text, dialog caption, suggested file name and filter.
    void addFileExport(const QString& key, const QString& text, const QString& caption, const QString& fileName,
                       const QString& filter, FileWriter write);
    void addFolderExport(const QString& key, const QString& text, const QString& caption, FolderWriter write);
    void addSeparator();
    QStringList keys() const;

    // Whether there is anything to export now (checked when the menu opens; default: always).
    void setAvailability(std::function<bool()> available) { m_available = std::move(available); }
    bool isAvailable() const { return !m_available || m_available(); }

    // Runs entry `key` on `path` (a file, or a folder for a folder entry) without a dialog; on success
    // remembers the folder and emits exported().
    bool exportTo(const QString& key, const QString& path, QString* error = nullptr);

    // Where the dialogs open; follows the last successful export.
    void setExportFolder(const QString& dir) { m_folder = dir; }
    QString exportFolder() const { return m_folder; }

signals:
    void aboutToExport();  // the menu opens: the owner may refresh the folder
    void exported(const QStringList& paths);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Entry {
        QString key, caption, fileName, filter;
        FileWriter file;
        FolderWriter folder;
    };
    const Entry* entry(const QString& key) const;
    void runDialog(const QString& key);
    void retranslate();

    QVector<Entry> m_entries;
    std::function<bool()> m_available;
    QString m_folder;
};

}  // namespace xcomp
