// Translations: the German and Simplified Chinese catalogues are complete (no unfinished or
// untranslated message, placeholders kept), they cover the widgets' strings too, they are
// compiled into the application's resources, and the window shows them. English ships the plural
// forms only.
#include <QAction>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPointer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include "app_test_util.h"
#include "comparepage.h"
#include "engineclient.h"
#include "interpolationpage.h"
#include "interpolationpanel.h"
#include "mainwindow.h"
#include "sessionfile.h"
#include "translationmanager.h"
#include "windowhost.h"

using namespace xcomp::workbench;

namespace {

struct Message {
    QString context, source;
    QStringList translations;  // one, or the numerus forms
    bool unfinished = false, numerus = false, obsolete = false;
};

QVector<Message> readTs(const QString& path, QString* language)
{
    QVector<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&f);
    QString context;
    Message cur;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                *language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                cur = Message();
                cur.context = context;
                cur.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                cur.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                cur.unfinished = type == QLatin1String("unfinished");
                cur.obsolete = type == QLatin1String("obsolete") || type == QLatin1String("vanished");
                if (!cur.numerus)
                    cur.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                cur.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << cur;
        }
    }
    return out;
}

QStringList placeholders(const QString& s)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral("%(\\d+|n|v|m)"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    return out;
}

QString tsPath(const char* name)
{
    return QStringLiteral(XCOMP_SOURCE_DIR "/translations/") + QLatin1String(name);
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void catalogueComplete_data();
    void catalogueComplete();
    void englishHasPluralsOnly();
    void compiledIntoResources();
    void resolveLanguage();
    void windowIsTranslated();
    void switchKeepsWork();
    void cleanupTestCase();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("xcomp-tests"));
}

void TestTranslations::catalogueComplete_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("numerusForms");
    QTest::newRow("de") << tsPath("xcomp_de.ts") << QStringLiteral("de") << 2;
    QTest::newRow("zh_CN") << tsPath("xcomp_zh_CN.ts") << QStringLiteral("zh_CN") << 1;
}

void TestTranslations::catalogueComplete()
{
    QFETCH(QString, path);
    QFETCH(QString, language);
    QFETCH(int, numerusForms);
    QString lang;
    const QVector<Message> messages = readTs(path, &lang);
    QVERIFY2(lang == language || lang.startsWith(language + QLatin1Char('_')), qPrintable(lang));
    QVERIFY2(messages.size() > 300, qPrintable(QString::number(messages.size())));
    QSet<QString> contexts;
    for (const Message& m : messages) {
        contexts.insert(m.context);
        const QString where = m.context + QStringLiteral(": ") + m.source.left(60);
        QVERIFY2(!m.unfinished, qPrintable(QStringLiteral("unfinished ") + where));
        QVERIFY2(!m.obsolete, qPrintable(QStringLiteral("obsolete ") + where));
        QCOMPARE(m.translations.size(), m.numerus ? numerusForms : 1);
        for (const QString& t : m.translations) {
            QVERIFY2(!t.trimmed().isEmpty() || m.source.trimmed().isEmpty(), qPrintable(QStringLiteral("empty ") + where));
            QCOMPARE(placeholders(t), placeholders(m.source));
        }
    }
    // The widgets' strings are translated too, not only the window's.
    for (const char* c : {"xcomp::DiffView", "xcomp::ErrorStyle", "xcomp::MetricsStrip", "xcomp::CompareView",
                          "xcomp::workbench::MainWindow", "xcomp::workbench::EngineWorker"})
        QVERIFY2(contexts.contains(QLatin1String(c)), c);
}

void TestTranslations::englishHasPluralsOnly()
{
    QString lang;
    const QVector<Message> messages = readTs(tsPath("xcomp_en.ts"), &lang);
    QVERIFY2(lang.startsWith(QStringLiteral("en")), qPrintable(lang));
    QVERIFY(!messages.isEmpty());
    for (const Message& m : messages) {
        QVERIFY(m.numerus);
        QVERIFY(!m.unfinished);
        QCOMPARE(m.translations.size(), 2);
        QVERIFY(!m.translations[0].contains(QStringLiteral("(s)")));
    }
}

void TestTranslations::compiledIntoResources()
{
    for (const char* code : {"de", "zh_CN", "en"}) {
        QVERIFY2(TranslationManager::hasTranslation(QLatin1String(code)), code);
        QTranslator t;
        QVERIFY(t.load(QStringLiteral(":/i18n/xcomp_%1.qm").arg(QLatin1String(code))));
    }
    QTranslator de;
    QVERIFY(de.load(QStringLiteral(":/i18n/xcomp_de.qm")));
    QCOMPARE(de.translate("xcomp::workbench::MainWindow", "Compress && &Regenerate"),
             QStringLiteral("Komprimieren && &Regenerieren"));
    QCOMPARE(de.translate("xcomp::ErrorStyle", "Information loss"), QStringLiteral("Informationsverlust"));
    QCOMPARE(de.translate("xcomp::workbench::MainWindow", "%n token(s)", nullptr, 1), QStringLiteral("%n Token"));
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/xcomp_zh_CN.qm")));
    QCOMPARE(zh.translate("xcomp::ErrorStyle", "Hallucination"), QString::fromUtf8("\xE5\xB9\xBB\xE8\xA7\x89"));
    QTranslator en;
    QVERIFY(en.load(QStringLiteral(":/i18n/xcomp_en.qm")));
    QCOMPARE(en.translate("xcomp::workbench::MainWindow", "%n token(s)", nullptr, 1), QStringLiteral("%n token"));
    QCOMPARE(en.translate("xcomp::workbench::MainWindow", "%n token(s)", nullptr, 7), QStringLiteral("%n tokens"));
}

void TestTranslations::resolveLanguage()
{
    QCOMPARE(TranslationManager::resolve(QStringLiteral("de"), QLocale(QLocale::English)), QStringLiteral("de"));
    QCOMPARE(TranslationManager::resolve(QString(), QLocale(QLocale::German, QLocale::Austria)), QStringLiteral("de"));
    QCOMPARE(TranslationManager::resolve(QString(), QLocale(QLocale::Chinese, QLocale::China)), QStringLiteral("zh_CN"));
    QCOMPARE(TranslationManager::resolve(QString(), QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript,
                                                           QLocale::Taiwan)),
             QStringLiteral("en"));
    QCOMPARE(TranslationManager::resolve(QString(), QLocale(QLocale::French)), QStringLiteral("en"));
    QCOMPARE(TranslationManager::resolve(QStringLiteral("xx"), QLocale(QLocale::French)), QStringLiteral("en"));
    QCOMPARE(TranslationManager::availableLanguages().size(), 3);
}

void TestTranslations::windowIsTranslated()
{
    QCOMPARE(TranslationManager::install(QStringLiteral("de")), QStringLiteral("de"));
    {
        MainWindow w;
        QStringList menus;
        for (QAction* a : w.menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char(','))));
        QCOMPARE(w.runAction()->text(), QStringLiteral("Komprimieren && &Regenerieren"));
    }
    QCOMPARE(TranslationManager::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    {
        MainWindow w;
        QCOMPARE(w.runAction()->text(), QString::fromUtf8("\xE5\x8E\x8B\xE7\xBC\xA9\xE5\xB9\xB6\xE5\x86\x8D\xE7\x94\x9F(&R)"));
    }
    QCOMPARE(TranslationManager::install(QStringLiteral("en")), QStringLiteral("en"));
    {
        MainWindow w;
        QCOMPARE(w.runAction()->text(), QStringLiteral("Compress && &Regenerate"));
        QCOMPARE(QCoreApplication::translate("xcomp::workbench::MainWindow", "%n token(s)", nullptr, 3),
                 QStringLiteral("3 tokens"));
    }
}

// A language change from the preferences rebuilds the window in the new language with the work kept.
void TestTranslations::switchKeepsWork()
{
    const QString model = test::findModel();
    if (model.isEmpty())
        QSKIP(test::kNoModel);
    QCOMPARE(TranslationManager::install(QStringLiteral("en")), QStringLiteral("en"));
    WindowHost host;
    QPointer<MainWindow> first = host.window();
    first->show();
    QSignalSpy ready(first.data(), &MainWindow::modelReady);
    first->openModelFolder(model);
    QVERIFY(ready.wait(60000));
    const QString text = QStringLiteral("Memory tokens carry the text to a frozen decoder, which regenerates it.");
    first->setText(text);
    QSignalSpy shown(first.data(), &MainWindow::regenerationShown);
    first->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !first->isBusy(), 60000);
    // The compare selection and the interpolation curve go along too.
    const QString onlyId = first->currentCompressorId();
    first->comparePage()->setChecked({onlyId});
    QVector<xcomp::view::InterpolationPoint> curve(3);
    for (int i = 0; i < 3; ++i) {
        curve[i].alpha = i * 0.5;
        curve[i].bleuToA = 1 - i * 0.5;
        curve[i].bleuToB = i * 0.5;
    }
    first->interpolationPage()->restoreCurve(curve);
    const WorkbenchSession before = first->currentSession();
    first->tabs()->setCurrentIndex(int(MainWindow::QaTab));

    QSignalSpy replaced(&host, &WindowHost::windowReplaced);
    emit first->languageChangeRequested(QStringLiteral("de"));  // what the preferences dialog does
    QVERIFY(replaced.wait(5000));
    MainWindow* second = host.window();
    QVERIFY(second != first.data());
    QCOMPARE(second->runAction()->text(), QStringLiteral("Komprimieren && &Regenerieren"));
    QVERIFY(second->isVisible());
    QCOMPARE(second->text(), text);
    QCOMPARE(second->tabs()->currentIndex(), int(MainWindow::QaTab));
    const WorkbenchSession after = second->currentSession();
    QVERIFY(after.hasRegeneration);
    QCOMPARE(after.regeneration.diff.regenerated, before.regeneration.diff.regenerated);
    QTRY_VERIFY_WITH_TIMEOUT(second->engine()->hasModel() && second->currentCompressorId() == before.compressorId, 60000);
    QTRY_VERIFY(first.isNull());  // the old window is gone (closed without asking about unsaved work)
    QCOMPARE(second->comparePage()->checkedCompressors(), QStringList{onlyId});
    QCOMPARE(second->interpolationPage()->panel()->curve().size(), 3);

    QCOMPARE(host.switchLanguage(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(host.window()->runAction()->text(), QStringLiteral("Compress && &Regenerate"));
    QCOMPARE(host.window()->text(), text);
}

void TestTranslations::cleanupTestCase()
{
    TranslationManager::install(QStringLiteral("en"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
