import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "demo-pakket/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Pure core: no file system, no process, no prompts or CLI framework (see docs/style).
    files: [
      "src/answers/**",
      "src/casussen/select*.ts",
      "src/casussen/parse*.ts",
      "src/plan/**",
      "src/render/**",
      "src/templates/**",
      "src/questions/define.ts",
      "src/questions/training.ts",
    ],
    // Loaders are the I/O edge of their folder.
    ignores: ["**/load*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            "node:fs",
            "node:fs/promises",
            "fs",
            "commander",
            "@inquirer/prompts",
            "node:process",
          ],
        },
      ],
      "no-restricted-globals": ["error", "process"],
    },
  },
);
