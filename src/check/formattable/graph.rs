//! The references between the entries of a locale as a graph: its cycles, found without
//! recursion (a chain of 10,000 terms is as deep as the graph gets).

/// The strongly connected components of the graph (`edges[node]` are the nodes it refers to), each
/// listed after every component it refers to (Tarjan's order), nodes of a component ascending.
pub(super) fn components(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut index, mut low, mut on_stack) = (vec![UNSEEN; n], vec![0; n], vec![false; n]);
    let (mut stack, mut found, mut next) = (Vec::new(), Vec::new(), 0);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, how many of its edges were followed): the call stack of the recursive algorithm.
        let mut calls = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&(node, followed)) = calls.last() {
            if let Some(&target) = edges[node].get(followed) {
                calls.last_mut().expect("not empty").1 += 1;
                if index[target] == UNSEEN {
                    index[target] = next;
                    low[target] = next;
                    next += 1;
                    stack.push(target);
                    on_stack[target] = true;
                    calls.push((target, 0));
                } else if on_stack[target] {
                    low[node] = low[node].min(index[target]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                component.sort_unstable();
                found.push(component);
            }
        }
    }
    found
}

/// A shortest way round the cycle through `start` inside `component`: `start`, ..., the node that
/// refers back to `start`. Breadth first, so linear in the component's size.
pub(super) fn cycle_from(start: usize, component: &[usize], edges: &[Vec<usize>]) -> Vec<usize> {
    let inside = |node: usize| component.binary_search(&node).is_ok();
    let mut came_from: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &target in &edges[node] {
            if target == start {
                let mut path = vec![node];
                while let Some(&previous) = came_from.get(path.last().expect("not empty")) {
                    path.push(previous);
                }
                path.reverse();
                return path;
            }
            if inside(target) && target != start && !came_from.contains_key(&target) {
                came_from.insert(target, node);
                queue.push_back(target);
            }
        }
    }
    vec![start]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_come_after_what_they_refer_to() {
        // 0 → 1 → 2 → 1, 3 → 3, 4 alone.
        let edges = vec![vec![1], vec![2], vec![1], vec![3], vec![]];
        assert_eq!(components(&edges), vec![vec![1, 2], vec![0], vec![3], vec![4]]);
        assert_eq!(cycle_from(1, &[1, 2], &edges), vec![1, 2]);
        assert_eq!(cycle_from(3, &[3], &edges), vec![3]);
    }

    #[test]
    fn a_long_chain_needs_no_deep_stack() {
        let n = 200_000;
        let edges: Vec<Vec<usize>> = (0..n).map(|i| if i + 1 < n { vec![i + 1] } else { vec![0] }).collect();
        let worker = std::thread::Builder::new().stack_size(64 * 1024);
        let found = worker.spawn(move || components(&edges)).unwrap().join().unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].len(), n);
    }
}
