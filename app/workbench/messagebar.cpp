#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace xcomp::workbench {

MessageBar::MessageBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("MessageBar"));
    setAttribute(Qt::WA_StyledBackground, true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setToolTip(tr("Close this message"));
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &MessageBar::dismiss);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString& text)
{
    m_kind = kind;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QString css;
    switch (kind) {
    case Kind::Information:
        css = QStringLiteral("#MessageBar { background: #e8f1fb; border: 1px solid #9cc3ea; border-radius: 4px; }");
        break;
    case Kind::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        css = QStringLiteral("#MessageBar { background: #fff6dc; border: 1px solid #e3c36b; border-radius: 4px; }");
        break;
    case Kind::Error:
        icon = QStyle::SP_MessageBoxCritical;
        css = QStringLiteral("#MessageBar { background: #fde8e8; border: 1px solid #e29a9a; border-radius: 4px; }");
        break;
    }
    setStyleSheet(css);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    m_text->setText(text);
    show();
    if (kind == Kind::Information)
        m_timer->start(8000);
    else
        m_timer->stop();
    emit messageShown(text);
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::dismiss()
{
    m_timer->stop();
    hide();
}

}  // namespace xcomp::workbench
