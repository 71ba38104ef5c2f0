#include "controls/scenarioeditor.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace LatencyLab::Ui {

namespace {
constexpr int kScenarioEditId = 0x5ced; // any id ≠ -1: QUndoStack only offers commands of one id to mergeWith()
} // namespace

// One edit: the whole scenario before and after. A scenario the sliders can
// edit is small (at most a dozen hand-written requests, or a generator), so
// a copy is cheaper and simpler than recording what changed.
class ScenarioEditCommand : public QUndoCommand
{
public:
    ScenarioEditCommand(ScenarioEditor *editor, const QString &text, Core::Scenario before, Core::Scenario after, QString key,
                        bool mergesWithPrevious)
        : QUndoCommand(text)
        , m_editor(editor)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_key(std::move(key))
        , m_mergesWithPrevious(mergesWithPrevious)
    {
    }

    void undo() override { m_editor->apply(m_before); }
    void redo() override { m_editor->apply(m_after); }
    int id() const override { return kScenarioEditId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const ScenarioEditCommand *>(other);
        if (!next->m_mergesWithPrevious || next->m_key != m_key)
            return false;
        m_after = next->m_after;
        setText(next->text());
        // A drag that ends where it started leaves nothing to undo.
        setObsolete(m_after == m_before);
        return true;
    }

private:
    ScenarioEditor *m_editor;
    Core::Scenario m_before;
    Core::Scenario m_after;
    QString m_key;
    bool m_mergesWithPrevious;
};

ScenarioEditor::ScenarioEditor(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

ScenarioEditor::~ScenarioEditor() = default;

bool ScenarioEditor::isModified() const
{
    return !m_undo->isClean();
}

void ScenarioEditor::load(const Core::Scenario &scenario)
{
    m_undo->clear();
    m_lastKey.clear();
    m_gestureOpen = false;
    m_scenario = scenario;
    Q_EMIT scenarioLoaded();
    Q_EMIT scenarioChanged();
}

void ScenarioEditor::markSaved()
{
    m_undo->setClean();
}

void ScenarioEditor::edit(const QString &text, const Core::Scenario &edited, const QString &key)
{
    if (edited == m_scenario)
        return;
    // Merge only with this control's own edit on top of the stack (not one
    // uncovered by undo), and only while it is still the same gesture.
    const bool sameGesture = m_gestureOpen || (m_sinceLastEdit.isValid() && m_sinceLastEdit.elapsed() < kMergeWindowMs);
    const bool merges = !key.isEmpty() && key == m_lastKey && m_undo->index() == m_indexAfterLastEdit && sameGesture;
    const int indexBefore = m_undo->index();
    m_undo->push(new ScenarioEditCommand(this, text, m_scenario, edited, key, merges)); // push() calls redo()
    // A merge that returned to the start removed the command: begin afresh.
    const bool removed = m_undo->index() < indexBefore;
    m_lastKey = removed ? QString() : key;
    m_indexAfterLastEdit = m_undo->index();
    m_sinceLastEdit.start();
}

void ScenarioEditor::beginGesture()
{
    m_gestureOpen = true;
}

void ScenarioEditor::endGesture()
{
    m_gestureOpen = false;
    m_lastKey.clear(); // the next press starts a new undo step
}

void ScenarioEditor::apply(const Core::Scenario &scenario)
{
    m_scenario = scenario;
    Q_EMIT scenarioChanged();
}

} // namespace LatencyLab::Ui
