// AtomicFile: the old file or the new one, never part of one, even when the writer is killed with
// SIGKILL half way through.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <string>

#include "core/core_test_util.h"
#include "xcomp/io/atomic_file.h"

using namespace xcomp;

namespace {

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList leftovers(const QTemporaryDir& dir) {
    return QDir(dir.path()).entryList({QStringLiteral(".*.tmp.*")}, QDir::Files | QDir::Hidden);
}

}  // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private slots:
    void writes_and_replaces() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("a.json")).toStdString();
        write_file_atomically(path, "first");
        QCOMPARE(contents(QString::fromStdString(path)), QByteArray("first"));
        write_file_atomically(path, "second, longer");
        QCOMPARE(contents(QString::fromStdString(path)), QByteArray("second, longer"));
        QVERIFY(leftovers(dir).isEmpty());
        QCOMPARE(QFile::permissions(QString::fromStdString(path)) & QFileDevice::ReadOther, QFileDevice::ReadOther);
    }

    void not_committed_leaves_the_old_file() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("a.json")).toStdString();
        write_file_atomically(path, "old");
        {
            AtomicFile f(path);
            f.write("new and unfinished");
        }  // an exception unwinding through here would do the same
        QCOMPARE(contents(QString::fromStdString(path)), QByteArray("old"));
        QVERIFY(leftovers(dir).isEmpty());
    }

    void unwritable_folder_is_an_error() {
        const std::string e = test::error_of([] { write_file_atomically("/nonexistent/folder/a.json", "x"); });
        QVERIFY2(e.find("cannot write /nonexistent/folder/a.json") != std::string::npos, e.c_str());
    }

    // A writer killed in the middle of a large file: the target still holds the old bytes.
    void killed_writer_leaves_the_old_file() {
        QTemporaryDir dir;
        const QString qpath = dir.filePath(QStringLiteral("big.safetensors"));
        const std::string path = qpath.toStdString();
        write_file_atomically(path, "the previous file");
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {  // writes 1 MiB chunks until killed
            AtomicFile f(path);
            const std::string chunk(1 << 20, 'x');
            for (;;) f.write(chunk);
        }
        // Wait until the temporary file has grown past a few MiB, then kill the writer.
        QElapsedTimer t;
        t.start();
        qint64 grown = 0;
        while (grown < (8 << 20) && t.elapsed() < 30000) {
            for (const QString& n : leftovers(dir)) grown = std::max(grown, QFileInfo(dir.filePath(n)).size());
            QTest::qWait(5);
        }
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        QVERIFY2(grown >= (8 << 20), "the writer never got going");
        QCOMPARE(contents(qpath), QByteArray("the previous file"));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"
