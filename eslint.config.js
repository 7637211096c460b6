import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // .venv: a Python environment in the tree (e.g. colibri tune train --venv .venv) holds third-party JavaScript.
    ignores: [
      "dist/",
      "dist-tools/",
      "node_modules/",
      "coverage/",
      "eslint.config.js",
      "bin/",
      "**/.venv/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: "./tsconfig.check.json", tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests read JSON bodies (typed `any` by the HTTP helpers) and assert on them directly.
    files: ["test/**/*.ts", "src/**/*.test.ts", "tools/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The dashboard is plain browser JavaScript, checked without type information.
    files: ["ui/**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        document: "readonly",
        window: "readonly",
        location: "readonly",
        navigator: "readonly",
        sessionStorage: "readonly",
        localStorage: "readonly",
        fetch: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        Intl: "readonly",
      },
    },
  },
);
