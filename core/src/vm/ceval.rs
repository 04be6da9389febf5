//! The evaluation loop: one arm per instruction of `bytecode::opcode`.
