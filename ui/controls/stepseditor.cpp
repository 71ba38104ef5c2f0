#include "controls/stepseditor.h"

#include "controls/requestedits.h"
#include "controls/scenarioeditor.h"
#include "controls/valuefield.h"
#include "controls/valuetext.h"

#include "model/scenario.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace LatencyLab::Ui {

namespace {

QString kindName(Core::StepKind kind)
{
    return stepKindName(kind).toString();
}

// "cpu · io · cpu" for a few steps; a count for more (the rows tell the rest).
QString summaryOf(const Core::RequestSpec &request)
{
    constexpr qsizetype kNamedSteps = 5;
    if (request.steps.size() > kNamedSteps)
        return StepsEditor::tr("Steps: %1").arg(request.steps.size());
    QStringList kinds;
    for (const Core::Step &step : request.steps)
        kinds << kindName(step.kind);
    return StepsEditor::tr("Steps: %1").arg(kinds.join(QStringLiteral(" · ")));
}

QString detailOf(const Core::RequestSpec &request)
{
    QStringList steps;
    for (const Core::Step &step : request.steps)
        steps << QStringLiteral("%1 %2").arg(kindName(step.kind), ValueText::exactSeconds(Core::toSeconds(step.duration)));
    return steps.join(QStringLiteral(", "));
}

QString addToolTip(Core::StepKind kind)
{
    return kind == Core::StepKind::Cpu ? StepsEditor::tr("Add a step that computes (needs a processor, and the loop or GIL where the model has one).")
                                       : StepsEditor::tr("Add a step that waits (a database, a web service, a file): it needs nothing.");
}

QToolButton *toolButton(const QString &text, const QString &toolTip, const QString &objectName)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setToolTip(toolTip);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    return button;
}

} // namespace

StepsEditor::StepsEditor(ScenarioEditor *editor, qsizetype request, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_request(request)
    , m_toggle(new QToolButton)
    , m_body(new QWidget)
    , m_rowsLayout(new QVBoxLayout)
    , m_tooMany(new QLabel)
{
    const QString prefix = QStringLiteral("request%1").arg(request + 1);
    m_toggle->setObjectName(prefix + QStringLiteral("Steps"));
    // A disclosure, not a switch: its arrow tells the state, as in a tree.
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    connect(m_toggle, &QToolButton::clicked, this, [this] { setExpanded(!isExpanded()); });

    m_addCpu = toolButton(tr("+ cpu step"), addToolTip(Core::StepKind::Cpu), prefix + QStringLiteral("AddCpu"));
    m_addIo = toolButton(tr("+ io step"), addToolTip(Core::StepKind::Io), prefix + QStringLiteral("AddIo"));
    connect(m_addCpu, &QToolButton::clicked, this, [this] { addStep(Core::StepKind::Cpu); });
    connect(m_addIo, &QToolButton::clicked, this, [this] { addStep(Core::StepKind::Io); });
    m_tooMany->setWordWrap(true);
    m_tooMany->setForegroundRole(QPalette::PlaceholderText);

    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addCpu);
    buttons->addWidget(m_addIo);
    buttons->addStretch(1);
    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(12, 0, 0, 0); // under the disclosure arrow, as a tree's children
    bodyLayout->setSpacing(2);
    bodyLayout->addLayout(m_rowsLayout);
    bodyLayout->addWidget(m_tooMany);
    bodyLayout->addLayout(buttons);
    m_body->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_body);
    refresh();
}

const Core::RequestSpec *StepsEditor::request() const
{
    const QList<Core::RequestSpec> &requests = m_editor->scenario().requests;
    return m_request < requests.size() ? &requests.at(m_request) : nullptr;
}

QString StepsEditor::requestName() const
{
    const Core::RequestSpec *spec = request();
    return spec ? spec->name : QString();
}

bool StepsEditor::isExpanded() const
{
    return m_body->isVisibleTo(this);
}

void StepsEditor::setExpanded(bool expanded)
{
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
    refresh(); // rows are made only once shown
}

void StepsEditor::refresh()
{
    const Core::RequestSpec *spec = request();
    if (!spec)
        return;
    m_toggle->setText(summaryOf(*spec));
    m_toggle->setToolTip(tr("%1's steps, in order: %2. Click to edit them.").arg(spec->name, detailOf(*spec)));
    if (isExpanded())
        showRows(*spec);
}

void StepsEditor::showRows(const Core::RequestSpec &spec)
{
    const bool tooMany = spec.steps.size() > kMaxSteps;
    const qsizetype shown = tooMany ? 0 : spec.steps.size();
    while (m_rows.size() > shown) {
        // Hidden now, deleted later: its own button may be the one whose click removed it.
        QWidget *row = m_rows.takeLast().widget;
        row->hide();
        row->deleteLater();
    }
    while (m_rows.size() < shown) {
        m_rows << makeRow(m_rows.size());
        m_rowsLayout->addWidget(m_rows.last().widget);
    }
    for (qsizetype step = 0; step < shown; ++step)
        showRow(m_rows.at(step), spec, step);

    m_tooMany->setVisible(tooMany);
    m_tooMany->setText(tr("%1 steps: the editor shows at most %2; edit them in the scenario file.").arg(spec.steps.size()).arg(kMaxSteps));
    const bool full = spec.steps.size() >= kMaxSteps;
    const QString fullTip = tr("A request here has at most %1 steps; a scenario file can hold more.").arg(kMaxSteps);
    m_addCpu->setEnabled(!full);
    m_addIo->setEnabled(!full);
    m_addCpu->setToolTip(full ? fullTip : addToolTip(Core::StepKind::Cpu));
    m_addIo->setToolTip(full ? fullTip : addToolTip(Core::StepKind::Io));
}

StepsEditor::Row StepsEditor::makeRow(qsizetype step)
{
    const QString prefix = QStringLiteral("request%1Step%2").arg(m_request + 1).arg(step + 1);
    Row row;
    row.widget = new QWidget;
    row.number = new QLabel(QStringLiteral("%1.").arg(step + 1));
    row.number->setForegroundRole(QPalette::PlaceholderText);
    row.kind = new QComboBox;
    row.kind->setObjectName(prefix + QStringLiteral("Kind"));
    row.kind->addItem(kindName(Core::StepKind::Cpu), QVariant::fromValue(int(Core::StepKind::Cpu)));
    row.kind->setItemData(0, tr("Computes: needs a processor, and the loop or GIL where the model has one."), Qt::ToolTipRole);
    row.kind->addItem(kindName(Core::StepKind::Io), QVariant::fromValue(int(Core::StepKind::Io)));
    row.kind->setItemData(1, tr("Waits on a database, a web service or a file: needs nothing."), Qt::ToolTipRole);
    row.duration = new ValueField(ValueText::exactSeconds,
                                  [](const QString &text, double current) { return ValueText::parseSeconds(text, ValueText::unitOfSeconds(current)); },
                                  tr("a duration such as 1.2 s or 350 ms"));
    row.duration->setObjectName(prefix + QStringLiteral("Duration"));
    row.kind->setAccessibleName(tr("Kind of step %1").arg(step + 1));
    row.duration->setAccessibleName(tr("Duration of step %1").arg(step + 1));
    row.duration->setWidthSample(QStringLiteral("000.000 ms"));
    row.up = toolButton(QStringLiteral("↑"), tr("Move this step earlier"), prefix + QStringLiteral("Up"));
    row.down = toolButton(QStringLiteral("↓"), tr("Move this step later"), prefix + QStringLiteral("Down"));
    row.split = toolButton(QStringLiteral("½"), tr("Split this step into two of half its duration"), prefix + QStringLiteral("Split"));
    row.remove = toolButton(QStringLiteral("✕"), QString(), prefix + QStringLiteral("Remove"));

    connect(row.kind, &QComboBox::activated, this, [this, step](int index) { setKind(step, index == 0 ? Core::StepKind::Cpu : Core::StepKind::Io); });
    connect(row.duration, &ValueField::valueTyped, this, [this, step](double seconds) { setDuration(step, seconds, {}); });
    connect(row.duration, &ValueField::stepRequested, this, [this, step](int steps) {
        const Core::RequestSpec *spec = request();
        if (spec && step < spec->steps.size())
            setDuration(step, Core::toSeconds(spec->steps.at(step).duration) + steps * kStepSeconds, QStringLiteral("step/%1/%2").arg(m_request).arg(step));
    });
    connect(row.up, &QToolButton::clicked, this, [this, step] { moveStep(step, step - 1); });
    connect(row.down, &QToolButton::clicked, this, [this, step] { moveStep(step, step + 1); });
    connect(row.split, &QToolButton::clicked, this, [this, step] { splitStep(step); });
    connect(row.remove, &QToolButton::clicked, this, [this, step] { removeStep(step); });

    auto *layout = new QHBoxLayout(row.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(row.number);
    layout->addWidget(row.kind);
    layout->addWidget(row.duration, 1);
    for (QToolButton *button : {row.up, row.down, row.split, row.remove})
        layout->addWidget(button);
    return row;
}

void StepsEditor::showRow(const Row &row, const Core::RequestSpec &spec, qsizetype step)
{
    const Core::Step &shown = spec.steps.at(step);
    row.kind->setCurrentIndex(shown.kind == Core::StepKind::Cpu ? 0 : 1);
    row.kind->setToolTip(tr("Step %1 of %2: cpu computes, io waits.").arg(step + 1).arg(spec.name));
    row.duration->setValue(Core::toSeconds(shown.duration));
    row.duration->setToolTip(tr("How long step %1 of %2 takes; type a value such as 350 ms or 1.2 s.").arg(step + 1).arg(spec.name));
    row.up->setEnabled(step > 0);
    row.down->setEnabled(step + 1 < spec.steps.size());
    row.split->setEnabled(spec.steps.size() < kMaxSteps);
    const bool last = spec.steps.size() <= 1;
    row.remove->setEnabled(!last);
    row.remove->setToolTip(last ? tr("The only step cannot be removed: a request needs at least one.") : tr("Remove this step"));
}

void StepsEditor::addStep(Core::StepKind kind)
{
    const Core::Nanos duration = kind == Core::StepKind::Cpu ? RequestEdits::kNewCpuStep : RequestEdits::kNewIoStep;
    const QString text = kind == Core::StepKind::Cpu ? tr("Add a cpu step to %1") : tr("Add an io step to %1");
    m_editor->edit(text.arg(requestName()), RequestEdits::withStepAdded(m_editor->scenario(), m_request, kind, duration));
}

void StepsEditor::removeStep(qsizetype step)
{
    m_editor->edit(tr("Remove step %1 of %2").arg(step + 1).arg(requestName()),
                   RequestEdits::withStepRemoved(m_editor->scenario(), m_request, step));
}

void StepsEditor::moveStep(qsizetype step, qsizetype to)
{
    const QString text = to < step ? tr("Move step %1 of %2 earlier") : tr("Move step %1 of %2 later");
    m_editor->edit(text.arg(step + 1).arg(requestName()), RequestEdits::withStepMoved(m_editor->scenario(), m_request, step, to));
}

void StepsEditor::splitStep(qsizetype step)
{
    m_editor->edit(tr("Split step %1 of %2 in two").arg(step + 1).arg(requestName()),
                   RequestEdits::withStepSplit(m_editor->scenario(), m_request, step));
}

void StepsEditor::setKind(qsizetype step, Core::StepKind kind)
{
    m_editor->edit(tr("Make step %1 of %2 %3").arg(step + 1).arg(requestName(), kindName(kind)),
                   RequestEdits::withStepKind(m_editor->scenario(), m_request, step, kind));
}

void StepsEditor::setDuration(qsizetype step, double seconds, const QString &mergeKey)
{
    const double clamped = std::clamp(seconds, 0.0, Core::Limits::kMaxSeconds);
    m_editor->edit(tr("Set step %1 of %2 to %3").arg(step + 1).arg(requestName(), ValueText::exactSeconds(clamped)),
                   RequestEdits::withStepDuration(m_editor->scenario(), m_request, step, Core::fromSeconds(clamped)), mergeKey);
}

} // namespace LatencyLab::Ui
