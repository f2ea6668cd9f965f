// app/workbench/translationmanager.h — installs the workbench's translator (":/i18n/xcomp_<lang>.qm",
// built from translations/*.ts) and Qt's own qtbase translator for the chosen language: a setting
// ("de", "zh_CN", "en") or, when empty, the system locale.
#pragma once
#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QPair>
#include <QString>

class QTranslator;

namespace xcomp::workbench {

class TranslationManager {
    Q_DECLARE_TR_FUNCTIONS(xcomp::workbench::TranslationManager)
public:
    // (code, native name) of the languages the workbench ships, English first.
    static QList<QPair<QString, QString>> availableLanguages();
    // The language code a setting resolves to: the setting when shipped, else the best match for
    // `system` ("de_AT" -> "de", "zh_Hans_CN" -> "zh_CN"), else "en".
    static QString resolve(const QString& setting, const QLocale& system = QLocale::system());
    // Removes translators installed earlier by this class and installs those for `language`
    // (resolved as above). Returns the code in use.
    static QString install(const QString& language);
    // Whether ":/i18n/xcomp_<code>.qm" exists (English needs none).
    static bool hasTranslation(const QString& code);

private:
    static QTranslator*& appTranslator();
    static QTranslator*& qtTranslator();
};

}  // namespace xcomp::workbench
