// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QVBoxLayout;

class QLabel;

namespace tc::gui {

class FieldFeedback;

// An ordered list of one-line values (experiment IDs): a line edit per entry, each with a remove
// button, and an add button below.
class LineListEditor : public QWidget
{
    Q_OBJECT
public:
    LineListEditor(const QString& itemName, const QString& placeholder, QWidget* parent = nullptr);

    QStringList values() const;
    void setValues(const QStringList& values);
    QLineEdit* lineAt(int index) const;
    int count() const { return static_cast<int>(m_lines.size()); }

    // Registers `path` for the list and `path[i]` for each entry.
    void registerFields(FieldFeedback& feedback, const QString& path);

public slots:
    QLineEdit* addLine(const QString& value = QString());

signals:
    void edited();
    void structureChanged(); // entries added or removed: paths must be registered again

private:
    void removeLine(QWidget* row);

    QString m_itemName;
    QString m_placeholder;
    QVBoxLayout* m_rows = nullptr;
    QList<QLineEdit*> m_lines;
    QLabel* m_message = nullptr;
};

} // namespace tc::gui
