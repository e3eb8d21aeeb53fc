-- Every relation's sentence in Chinese too, for reports and trace output in the court's language;
-- null where the linker wrote English only.
ALTER TABLE relations ADD COLUMN explanation_zh TEXT;
