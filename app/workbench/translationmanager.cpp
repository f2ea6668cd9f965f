#include "translationmanager.h"

#include <QFile>
#include <QLibraryInfo>
#include <QTranslator>

namespace xcomp::workbench {

QList<QPair<QString, QString>> TranslationManager::availableLanguages()
{
    return {
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("zh_CN"), QString::fromUtf8("\xE7\xAE\x80\xE4\xBD\x93\xE4\xB8\xAD\xE6\x96\x87")},  // 简体中文
    };
}

bool TranslationManager::hasTranslation(const QString& code)
{
    return code == QLatin1String("en") || QFile::exists(QStringLiteral(":/i18n/xcomp_%1.qm").arg(code));
}

QString TranslationManager::resolve(const QString& setting, const QLocale& system)
{
    for (const auto& lang : availableLanguages())
        if (setting == lang.first)
            return setting;
    if (system.language() == QLocale::German)
        return QStringLiteral("de");
    if (system.language() == QLocale::Chinese) {
        // Simplified script (mainland China, Singapore) only; traditional falls back to English.
        if (system.script() == QLocale::SimplifiedChineseScript ||
            (system.script() == QLocale::AnyScript &&
             (system.territory() == QLocale::China || system.territory() == QLocale::Singapore)))
            return QStringLiteral("zh_CN");
    }
    return QStringLiteral("en");
}

QTranslator*& TranslationManager::appTranslator()
{
    static QTranslator* t = nullptr;
    return t;
}

QTranslator*& TranslationManager::qtTranslator()
{
    static QTranslator* t = nullptr;
    return t;
}

QString TranslationManager::install(const QString& language)
{
    const QString code = resolve(language);
    // Numbers follow the language of the interface ("8,3×" in German), unless it is the system's.
    if (QLocale::system().name().startsWith(code.left(2)))
        QLocale::setDefault(QLocale::system());
    else
        QLocale::setDefault(QLocale(code == QLatin1String("en") ? QStringLiteral("en_US") : code));
    for (QTranslator** t : {&appTranslator(), &qtTranslator()}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    // English has a file too: the plural forms of the "%n item(s)" messages.
    auto* app = new QTranslator(QCoreApplication::instance());
    if (app->load(QStringLiteral(":/i18n/xcomp_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(app);
        appTranslator() = app;
    } else {
        delete app;
    }
    if (code == QLatin1String("en"))
        return code;  // Qt's own strings are English already
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        qtTranslator() = qt;
    } else {
        delete qt;
    }
    return code;
}

}  // namespace xcomp::workbench
